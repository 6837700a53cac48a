package org.blackstart.spi.vendor;

import java.util.List;

/**
 * What a vendor gets with a new case, or with an answer: enough to start work without asking
 * "please send logs" first.
 *
 * @param summary     the incident in a few lines: key, title, severity, services, impact, since when
 * @param timeline    an excerpt of the incident's timeline, oldest first, one line each
 * @param alerts      the alerts grouped into the incident, one line each
 * @param attachments files the commander added for this vendor and step (logs, graphs)
 */
public record EvidenceBundle(String summary, List<String> timeline, List<String> alerts,
                             List<VendorAttachment> attachments) {

    public EvidenceBundle {
        summary = summary == null ? "" : summary;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static EvidenceBundle none() {
        return new EvidenceBundle("", List.of(), List.of(), List.of());
    }

    /**
     * The case description every ticketing plugin sends: the step's own text, then the summary, the
     * timeline excerpt and the alerts, as plain text, so that vendors on any system read the same.
     */
    public String describe(String text) {
        StringBuilder out = new StringBuilder();
        if (text != null && !text.isBlank()) {
            out.append(text.strip()).append("\n\n");
        }
        if (!summary.isBlank()) {
            out.append("Incident summary\n").append(summary.strip()).append("\n\n");
        }
        section(out, "Timeline", timeline);
        section(out, "Alerts", alerts);
        if (!attachments.isEmpty()) {
            out.append("Attached: ");
            out.append(String.join(", ", attachments.stream().map(VendorAttachment::fileName).toList()));
            out.append('\n');
        }
        return out.toString().strip();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append('\n');
        lines.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append('\n');
    }
}
