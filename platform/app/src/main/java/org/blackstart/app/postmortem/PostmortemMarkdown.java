package org.blackstart.app.postmortem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The whole postmortem as one Markdown document: what {@code /api/incidents/{key}/postmortem.md} serves, and what
 * other exports (the PDF) start from. Times are UTC, written out, so the document reads the same anywhere.
 */
@Component
public class PostmortemMarkdown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final String NOT_RECORDED = "not recorded";

    private final Postmortems postmortems;

    PostmortemMarkdown(Postmortems postmortems) {
        this.postmortems = postmortems;
    }

    /** @throws ResponseStatusException 404 when the incident has no postmortem */
    public String markdown(String incidentKey) {
        return postmortems.view(incidentKey).map(PostmortemMarkdown::render)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, incidentKey + " has no postmortem"));
    }

    static String render(PostmortemView view) {
        PostmortemFacts facts = view.facts();
        PostmortemFacts.Incident incident = facts.incident();
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem ").append(view.incidentKey()).append(": ").append(line(view.title())).append("\n\n");
        md.append("- Status: **").append(view.status()).append("**\n");
        md.append("- Severity: ").append(or(incident.severity())).append("\n");
        md.append("- Commander: ").append(or(incident.commander())).append("\n");
        md.append("- Written by: ").append(or(view.author())).append("; reviewed by: ").append(or(view.reviewer())).append("\n");
        if (view.meetingAt() != null) {
            md.append("- Review meeting: ").append(time(view.meetingAt())).append("\n");
        }
        if (view.publishedAt() != null) {
            md.append("- Published: ").append(time(view.publishedAt())).append("\n");
        }
        PostmortemRecord.Sections sections = view.sections();
        section(md, "Summary", sections.summary() != null ? sections.summary() : incident.summary());

        md.append("## Impact\n\n");
        md.append("- Services: ").append(facts.impact().services().isEmpty() ? NOT_RECORDED
                : String.join(", ", facts.impact().services())).append("\n");
        md.append("- What customers noticed: ").append(or(line(facts.impact().customerImpact()))).append("\n");
        md.append("- Customers and subscribers told: ").append(facts.impact().customers()).append("\n\n");
        if (!facts.impact().notices().isEmpty()) {
            table(md, List.of("Notice", "Channel", "Language", "Sent", "Refused", "Pending"), facts.impact().notices(),
                    n -> List.of(n.step(), n.channel(), or(n.language(), "all"), "" + n.sent(), "" + n.refused(), "" + n.pending()));
        } else {
            md.append("No customer notices were sent.\n\n");
        }

        md.append("## Key times and durations\n\n");
        table(md, List.of("Key time", "At"), KeyTimeDurations.NAMES,
                name -> List.of(KeyTimeDurations.label(name), time(facts.keyTimes().get(name))));
        table(md, List.of("Duration", "From", "To", "Length"), facts.durations(),
                span -> List.of(span.label(), KeyTimeDurations.label(span.from()), KeyTimeDurations.label(span.to()),
                        KeyTimeDurations.text(span.minutes())));

        section(md, "Trigger", sections.trigger());
        section(md, "Contributing factors", sections.contributingFactors());
        section(md, "What went well", sections.wentWell());
        section(md, "What went wrong", sections.wentWrong());
        section(md, "Where we got lucky", sections.gotLucky());

        md.append("## Timeline (pinned entries)\n\n");
        if (facts.pinned().isEmpty()) {
            md.append("Nothing was pinned.\n\n");
        } else {
            for (PostmortemFacts.Pinned entry : facts.pinned()) {
                md.append("- ").append(time(entry.at())).append(" · ").append(or(entry.actor())).append(": ")
                        .append(line(entry.detail() != null ? entry.detail() : entry.step())).append("\n");
            }
            md.append("\n");
        }

        md.append("## Alerts\n\n");
        if (facts.alerts().isEmpty()) {
            md.append("No alerts were recorded.\n\n");
        } else {
            if (facts.alertCount() > facts.alerts().size()) {
                md.append("The first ").append(facts.alerts().size()).append(" of ").append(facts.alertCount()).append(" alerts.\n\n");
            }
            table(md, List.of("First seen", "Source", "Summary", "Severity", "Resolved", "Occurrences"), facts.alerts(),
                    a -> List.of(time(a.firstSeenAt()), a.source(), a.summary(), or(a.severity()), time(a.resolvedAt()),
                            "" + a.occurrences()));
        }

        md.append("## Pages and who answered\n\n");
        if (facts.pages().isEmpty()) {
            md.append("Nobody was paged.\n\n");
        } else {
            table(md, List.of("Sent", "Page", "Channel", "To", "State"), facts.pages(),
                    p -> List.of(time(p.sentAt()), p.step(), p.channel(), p.recipient(), p.state()));
        }
        if (!facts.answered().isEmpty()) {
            for (PostmortemFacts.Answer answer : facts.answered()) {
                md.append("- Answered by ").append(answer.by()).append(" via ").append(answer.via()).append(" at ")
                        .append(time(answer.at())).append("\n");
            }
            md.append("\n");
        }

        md.append("## Vendor cases\n\n");
        if (facts.vendorCases().isEmpty()) {
            md.append("No vendor cases were opened.\n\n");
        } else {
            table(md, List.of("Vendor", "Case", "Opened", "Acknowledged", "Response time", "Closed"), facts.vendorCases(),
                    c -> List.of(c.vendor(), c.caseNumber(), time(c.openedAt()), time(c.acknowledgedAt()),
                            KeyTimeDurations.text(c.responseMinutes()), time(c.closedAt())));
            for (PostmortemFacts.VendorCase c : facts.vendorCases()) {
                for (PostmortemFacts.Dispute dispute : c.disputes()) {
                    md.append("- Dispute on ").append(c.caseNumber()).append(": ").append(dispute.outcome())
                            .append(dispute.note() == null ? "" : " (" + line(dispute.note()) + ")")
                            .append(", settled by ").append(or(dispute.settledBy())).append(" at ")
                            .append(time(dispute.settledAt())).append("\n");
                }
            }
            md.append("\n");
        }

        md.append("## Action items\n\n");
        if (facts.actionItems().isEmpty()) {
            md.append("No action items yet.\n\n");
        } else {
            table(md, List.of("Action", "Kind", "Owner", "Due", "Status", "Ticket"), facts.actionItems(),
                    a -> List.of(a.title(), a.kind(), a.owner(), String.valueOf(a.dueOn()), a.status(), or(a.ticketKey(), "")));
        }

        md.append("## For customers\n\n");
        md.append("**What happened:** ").append(or(sections.customerSummary())).append("\n\n");
        md.append("**What we are changing:** ").append(or(sections.customerChanges())).append("\n\n");

        md.append("## Reviews\n\n");
        if (view.reviews().isEmpty()) {
            md.append("Not reviewed yet.\n");
        } else {
            for (PostmortemRecord.Review review : view.reviews()) {
                md.append("- ").append(time(review.reviewedAt())).append(" · ").append(review.reviewer()).append(": ")
                        .append("approve".equals(review.verdict()) ? "approved" : "asked for changes")
                        .append(review.comments() == null || review.comments().isBlank() ? "" : " — " + line(review.comments()))
                        .append("\n");
            }
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String heading, String text) {
        md.append("## ").append(heading).append("\n\n").append(text == null || text.isBlank() ? "Not written yet." : text.strip())
                .append("\n\n");
    }

    private static <T> void table(StringBuilder md, List<String> headings, List<T> rows, Function<T, List<String>> cells) {
        md.append("| ").append(String.join(" | ", headings)).append(" |\n|");
        headings.forEach(h -> md.append(" --- |"));
        md.append("\n");
        for (T row : rows) {
            md.append("| ").append(String.join(" | ", cells.apply(row).stream().map(PostmortemMarkdown::cell).toList()))
                    .append(" |\n");
        }
        md.append("\n");
    }

    /** A table cell: one line, and a pipe in the text does not end the cell. */
    private static String cell(String text) {
        return text == null ? NOT_RECORDED : line(text).replace("|", "\\|");
    }

    private static String line(String text) {
        return text == null ? null : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static String time(Instant at) {
        return at == null ? NOT_RECORDED : TIME.format(at);
    }

    private static String or(String text) {
        return or(text, NOT_RECORDED);
    }

    private static String or(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
