package org.blackstart.app.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostmortemMarkdownTest {

    /** The datacenter night: alarm 23:45, cause known 00:00, servers back 00:45, databases 08:00. */
    static Map<String, Instant> datacenterNight() {
        Map<String, Instant> times = new LinkedHashMap<>();
        times.put("impact_started", Instant.parse("2026-12-07T23:40:00Z"));
        times.put("detected", Instant.parse("2026-12-07T23:45:00Z"));
        times.put("acknowledged", Instant.parse("2026-12-07T23:52:00Z"));
        times.put("mitigated", Instant.parse("2026-12-08T00:45:00Z"));
        times.put("resolved", Instant.parse("2026-12-08T08:00:00Z"));
        times.put("closed", Instant.parse("2026-12-09T08:00:00Z"));
        return times;
    }

    @Test
    void theDurationsFollowFromTheKeyTimes() {
        // when
        List<PostmortemFacts.Span> spans = KeyTimeDurations.of(datacenterNight());

        // then
        assertThat(spans).extracting(PostmortemFacts.Span::label, s -> KeyTimeDurations.text(s.minutes())).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Time to detect", "5 min"),
                org.assertj.core.groups.Tuple.tuple("Time to acknowledge", "7 min"),
                org.assertj.core.groups.Tuple.tuple("Time to mitigate", "1 h 5 min"),
                org.assertj.core.groups.Tuple.tuple("Time to resolve", "8 h 20 min"),
                org.assertj.core.groups.Tuple.tuple("Impact start to close", "1 d 8 h 20 min"));
    }

    @Test
    void aKeyTimeNobodyRecordedReadsNotRecordedAndBreaksNothing() {
        // given no acknowledgement was recorded
        Map<String, Instant> times = datacenterNight();
        times.remove("acknowledged");

        // when
        List<PostmortemFacts.Span> spans = KeyTimeDurations.of(times);

        // then
        assertThat(spans.get(1).minutes()).isNull();
        assertThat(KeyTimeDurations.text(spans.get(1).minutes())).isEqualTo("not recorded");
        assertThat(spans.get(0).minutes()).isEqualTo(5);
    }

    @Test
    void theDocumentHasEverySectionWithPinnedEntriesInTimeOrder() {
        // given
        PostmortemView view = view(datacenterNight(), List.of(
                new PostmortemFacts.Pinned(7, Instant.parse("2026-12-07T23:45:00Z"), "ALERTS", "alerts", null,
                        "Rack R12 power lost: 40 alerts", "commander"),
                new PostmortemFacts.Pinned(9, Instant.parse("2026-12-08T00:00:00Z"), "NOTE", "commander", null,
                        "Cause known: the utility feed | failed", "commander")));

        // when
        String md = PostmortemMarkdown.render(view);

        // then
        assertThat(md).startsWith("# Postmortem INC-2026-0042: Datacenter power lost\n");
        assertThat(md).contains("- Status: **in-review**", "- Severity: SEV1", "- Written by: commander; reviewed by: commander-2");
        assertThat(md).containsSubsequence("## Summary", "## Impact", "## Key times and durations", "## Trigger",
                "## Contributing factors", "## What went well", "## What went wrong", "## Where we got lucky",
                "## Timeline (pinned entries)", "## Alerts", "## Pages and who answered", "## Vendor cases",
                "## Action items", "## For customers", "## Reviews");
        assertThat(md).contains("| Time to resolve | Impact started | Resolved | 8 h 20 min |");
        assertThat(md).contains("| Impact started | 2026-12-07 23:40 UTC |");
        assertThat(md).containsSubsequence("- 2026-12-07 23:45 UTC · alerts: Rack R12 power lost: 40 alerts",
                "- 2026-12-08 00:00 UTC · commander: Cause known: the utility feed | failed");
        assertThat(md).contains("| initial | email | nl | 3 | 0 | 0 |", "| initial | statuspage | all | 1 | 0 | 0 |");
        assertThat(md).contains("| Storage Inc | CS-1 | 2026-12-07 23:50 UTC | 2026-12-08 00:20 UTC | 30 min |");
        assertThat(md).contains("- Dispute on CS-1: vendor-fault (They blamed our config), settled by commander");
        assertThat(md).contains("| Test the generator under load | prevent | commander | 2026-12-22 | open | OPS-7 |");
        assertThat(md).contains("Not written yet.", "No alerts were recorded.", "Nobody was paged.");
        assertThat(md).contains("- 2026-12-08 10:00 UTC · commander-2: asked for changes — Say why the generator failed.");
    }

    @Test
    void aTableCellCannotBreakTheTable() {
        // given a summary with a pipe and a line break in an alert
        PostmortemView view = view(Map.of(), List.of());
        PostmortemFacts facts = view.facts();
        PostmortemFacts withAlert = new PostmortemFacts(facts.builtAt(), facts.incident(), facts.impact(), facts.keyTimes(),
                facts.durations(), facts.pinned(), List.of(new PostmortemFacts.Alert("prometheus", "PDU | A\nlost",
                "critical", "resolved", Instant.parse("2026-12-07T23:45:00Z"), null, 3)), 1, List.of(), List.of(),
                List.of(), List.of());

        // when
        String md = PostmortemMarkdown.render(new PostmortemView(view.incidentKey(), view.title(), view.status(),
                view.author(), view.reviewer(), view.sections(), withAlert, view.reviews(), null, null, null, null, view.links()));

        // then
        assertThat(md).contains("| 2026-12-07 23:45 UTC | prometheus | PDU \\| A lost | critical | not recorded | 3 |");
        assertThat(md).contains("| Time to detect | Impact started | Detected | not recorded |");
    }

    private static PostmortemView view(Map<String, Instant> keyTimes, List<PostmortemFacts.Pinned> pinned) {
        PostmortemFacts facts = new PostmortemFacts(Instant.parse("2026-12-09T09:00:00Z"),
                new PostmortemFacts.Incident("INC-2026-0042", "Datacenter power lost", "SEV1", "closed",
                        "Every server lost power.", "commander", Instant.parse("2026-12-07T23:45:00Z"),
                        Instant.parse("2026-12-09T08:00:00Z"), "utility feed", "power restored"),
                new PostmortemFacts.Impact(List.of("Mail delivery"), "No mail for nine hours", 4, List.of(
                        new PostmortemFacts.Notice("initial", "email", "nl", 3, 0, 0),
                        new PostmortemFacts.Notice("initial", "statuspage", null, 1, 0, 0))),
                keyTimes, KeyTimeDurations.of(keyTimes), pinned, List.of(), 0, List.of(), List.of(),
                List.of(new PostmortemFacts.VendorCase("Storage Inc", "CS-1", Instant.parse("2026-12-07T23:50:00Z"),
                        Instant.parse("2026-12-08T00:20:00Z"), 30L, null, null, List.of(new PostmortemFacts.Dispute(
                        "vendor-fault", "They blamed our config", "commander", Instant.parse("2026-12-08T12:00:00Z"))))),
                List.of(new PostmortemFacts.ActionItem(1, "Test the generator under load", "prevent", "commander",
                        LocalDate.parse("2026-12-22"), "open", "OPS-7", "https://jira.example/OPS-7")));
        return new PostmortemView("INC-2026-0042", "Datacenter power lost", "in-review", "commander", "commander-2",
                new PostmortemRecord.Sections("Power failed.", "The utility feed failed.", "The generator's transfer switch "
                        + "was never tested under load.", null, null, null, "We lost power.", "We test monthly."),
                facts, List.of(new PostmortemRecord.Review(1, "commander-2", "changes", "Say why the generator failed.",
                Instant.parse("2026-12-08T10:00:00Z"))), null, null, null, null,
                new PostmortemView.Links("/incidents/INC-2026-0042/postmortem", "/md", "/pdf", null));
    }
}
