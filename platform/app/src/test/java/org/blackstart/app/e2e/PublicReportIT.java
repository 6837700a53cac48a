package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.blackstart.app.statuspage.ComponentState;
import org.blackstart.app.statuspage.StatusPageExport;
import org.blackstart.app.statuspage.StatusStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public incident report: only a published postmortem has one, it says only what customers are told,
 * and the status page links it from the incident's page and the history.
 */
class PublicReportIT extends PlatformIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String INTERNAL_TRIGGER = "Trigger: the UPS firmware bug in rack B4";
    private static final String INTERNAL_FACTORS = "Contributing factors: the failover test was skipped in March";
    private static final String INTERNAL_WELL = "Went well: the runbook for the generator";
    private static final String INTERNAL_WRONG = "Went wrong: the pager rotation had a gap";
    private static final String INTERNAL_LUCKY = "Got lucky: the backup link held";
    private static final String AUTHOR = "report-author-ann";
    private static final String REVIEWER = "report-reviewer-bob";

    @Autowired
    StatusStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatusPageExport export;

    private String key() {
        return "INC-2030-9" + String.format("%03d", SEQ.incrementAndGet());
    }

    /** An incident that went on the status page, resolved, with a postmortem in the given state. */
    private void incident(String key, String postmortemStatus, String customerSummary) {
        Instant started = Instant.parse("2026-12-07T23:50:00Z");
        store.saveIncident(key, "Outage in Frankfurt " + key, "investigating", ComponentState.MAJOR_OUTAGE, List.of("webmail"), started);
        store.saveIncident(key, "Outage in Frankfurt " + key, "resolved", ComponentState.MAJOR_OUTAGE, List.of("webmail"),
                Instant.parse("2026-12-08T08:10:00Z"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, author, reviewer, summary, trigger_text, "
                        + "contributing_factors, went_well, went_wrong, got_lucky, customer_summary, customer_changes, "
                        + "created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key, postmortemStatus, AUTHOR, REVIEWER, "Internal summary: " + AUTHOR + " handled it", INTERNAL_TRIGGER,
                INTERNAL_FACTORS, INTERNAL_WELL, INTERNAL_WRONG, INTERNAL_LUCKY, customerSummary,
                "We are replacing the UPS units.\nWe test every failover monthly.", now, now,
                "published".equals(postmortemStatus) ? OffsetDateTime.parse("2026-12-10T09:00:00Z") : null);
    }

    private void keyTime(String key, String name, String at) {
        jdbc.update("INSERT INTO bs_key_time (incident_key, name, at_time, set_by, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                key, name, OffsetDateTime.parse(at), "commander", "from the story", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private Map<String, Object> postmortemRow(String key) {
        return jdbc.queryForMap("SELECT * FROM bs_postmortem WHERE incident_key = ?", key);
    }

    private ResponseEntity<String> get(String path) {
        return http.getForEntity(path, String.class);
    }

    @Test
    void aPublishedPostmortemHasAPublicReportWithTheCustomerTextsAndTheKeyTimesInForce() {
        // given a published postmortem; impact_started was corrected once, so the later row is in force
        String key = key();
        incident(key, "published", "Between 23:45 and 08:00 our website in Frankfurt was unavailable.");
        keyTime(key, "impact_started", "2026-12-07T23:50:00Z");
        keyTime(key, "impact_started", "2026-12-07T23:45:00Z");
        keyTime(key, "resolved", "2026-12-08T08:00:00Z");

        // when anyone, without a login, opens its report
        ResponseEntity<String> page = get("/status/incidents/" + key + "/report");

        // then it shows the public title, the components, the times, what happened and what will change
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("Outage in Frankfurt " + key, "Incident report",
                "Between 23:45 and 08:00 our website in Frankfurt was unavailable.",
                "We are replacing the UPS units.", "We test every failover monthly.", "What we are changing",
                "2026-12-07 23:45 UTC", "2026-12-08 08:00 UTC", "8 h 15 min", "2026-12-10 09:00 UTC");
        assertThat(page.getBody()).doesNotContain("2026-12-07 23:50 UTC");
        // and none of the internal sections, nor who wrote or reviewed it
        assertThat(page.getBody()).doesNotContain(INTERNAL_TRIGGER, INTERNAL_FACTORS, INTERNAL_WELL, INTERNAL_WRONG,
                INTERNAL_LUCKY, AUTHOR, REVIEWER, "Internal summary");
    }

    @Test
    void withoutKeyTimesTheReportShowsTheTimesTheStatusPageRecorded() {
        // given a published postmortem of an incident whose key times were never recorded
        String key = key();
        incident(key, "published", "Our website was unavailable.");

        // when
        ResponseEntity<String> page = get("/status/incidents/" + key + "/report");

        // then the status page's start and resolution stand in
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("2026-12-07 23:50 UTC", "2026-12-08 08:10 UTC", "8 h 20 min");
    }

    @Test
    void aPostmortemNotYetPublishedHasNoReportAndTheStatusPageDoesNotLinkOne() {
        for (String status : List.of("draft", "in-review", "approved")) {
            // given a postmortem on its way, with its customer texts already written
            String key = key();
            incident(key, status, "Customer text not yet approved for " + status);
            Map<String, Object> before = postmortemRow(key);

            // when its report is asked for
            ResponseEntity<String> report = get("/status/incidents/" + key + "/report");

            // then it is not found, exactly like an incident that does not exist, and nothing changed
            assertThat(report.getStatusCode().value()).as(status).isEqualTo(404);
            assertThat(report.getBody()).doesNotContain("Customer text not yet approved", INTERNAL_TRIGGER);
            assertThat(get("/status/incidents/" + key).getBody()).doesNotContain("Read the incident report");
            assertThat(postmortemRow(key)).isEqualTo(before);
        }
    }

    @Test
    void anUnknownIncidentHasNoReport() {
        // when
        ResponseEntity<String> report = get("/status/incidents/INC-1999-0001/report");

        // then
        assertThat(report.getStatusCode().value()).isEqualTo(404);
        assertThat(report.getBody()).contains("Not found");
    }

    @Test
    void markupTypedIntoTheCustomerSummaryIsShownAsTextNeverRun() {
        // given a customer summary with a script and an image that would call out
        String key = key();
        incident(key, "published", "<script>alert('x')</script><img src=\"http://evil.example/p.png\" onerror=\"alert(1)\">");

        // when
        String body = get("/status/incidents/" + key + "/report").getBody();

        // then it is escaped text
        assertThat(body).doesNotContain("<script>alert", "<img src=\"http://evil.example");
        assertThat(body).contains("&lt;script&gt;alert(");
    }

    @Test
    void theIncidentPageAndTheHistoryLinkThePublishedReport() {
        // given one incident with a published report, one with a draft
        String published = key();
        incident(published, "published", "Published words.");
        String draft = key();
        incident(draft, "draft", "Draft words.");

        // when
        String event = get("/status/incidents/" + published).getBody();
        String history = get("/status/history").getBody();

        // then
        assertThat(event).contains("<a href=\"/status/incidents/" + published + "/report\">Read the incident report</a>");
        assertThat(history).contains("href=\"/status/incidents/" + published + "/report\"");
        assertThat(history).doesNotContain("/status/incidents/" + draft + "/report");
    }

    @Test
    void theStaticCopyHoldsThePublishedReportsLinkedRelatively() throws IOException {
        // given
        String published = key();
        incident(published, "published", "Words for the static copy.");
        String draft = key();
        incident(draft, "approved", "Approved but not published.");

        // when
        Map<String, String> files = unzip(export.zip());

        // then
        assertThat(files).containsKey("incidents/" + published + "-report.html");
        assertThat(files.get("incidents/" + published + "-report.html")).contains("Words for the static copy.",
                "href=\"../status.css\"");
        assertThat(files.get("incidents/" + published + ".html")).contains("href=\"../incidents/" + published + "-report.html\"");
        assertThat(files.get("history.html")).contains("href=\"incidents/" + published + "-report.html\"");
        assertThat(files).doesNotContainKey("incidents/" + draft + "-report.html");
    }

    @Test
    void theCustomerReportPostedOnTheStatusPageDoesNotBringTheOutageBack() {
        // given a resolved incident whose report is published
        String key = key();
        incident(key, "published", "Words of the report.");
        StatusStore.Incident resolved = store.incident(key).orElseThrow();

        // when the customer report is posted on the status page, as the notice machinery does
        store.saveIncident(key, resolved.title(), "postmortem", ComponentState.MAJOR_OUTAGE, List.of("webmail"),
                Instant.parse("2026-12-10T09:00:00Z"));

        // then the incident stays resolved, with the time it ended, and is not among the active ones
        StatusStore.Incident after = store.incident(key).orElseThrow();
        assertThat(after.active()).isFalse();
        assertThat(after.resolvedAt()).isEqualTo(resolved.resolvedAt());
        assertThat(get("/status/summary.json").getBody()).doesNotContain(key);
        assertThat(get("/status/incidents/" + key).getBody()).contains("Read the incident report");
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
