package org.blackstart.app.vendor.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorCase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a vendor gets, from the platform's tables: with a new case the incident summary, the last
 * {@value #TIMELINE_LINES} timeline entries, the incident's alerts and the commander's files for this
 * vendor; with a later step only the files added for that step. Enough for a vendor engineer to start
 * without asking for logs first, and no more than the incident's own record: no process variables,
 * no alert labels (they may hold internal host names and tokens).
 */
@Component
public class JdbcCaseEvidence implements CaseEvidence {

    static final int TIMELINE_LINES = 30;
    static final int ALERT_LINES = 100;

    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final VendorFiles files;
    private final JdbcTemplate jdbc;

    JdbcCaseEvidence(IncidentRepository incidents, Timeline timeline, VendorFiles files, JdbcTemplate jdbc) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.files = files;
        this.jdbc = jdbc;
    }

    @Override
    public EvidenceBundle forStep(VendorCase step) {
        var attachments = files.takeForStep(step.incidentKey(), step.vendor(), step.step());
        if (!VendorFiles.OPEN.equals(step.step())) {
            return new EvidenceBundle("", List.of(), List.of(), attachments);
        }
        String summary = incidents.find(step.incidentKey()).map(JdbcCaseEvidence::summary)
                .orElse("Incident " + step.incidentKey());
        return new EvidenceBundle(summary, timelineExcerpt(step.incidentKey()), alerts(step.incidentKey()), attachments);
    }

    private static String summary(IncidentRecord incident) {
        StringBuilder out = new StringBuilder();
        out.append(incident.key()).append(": ").append(incident.title()).append('\n');
        out.append("Severity: ").append(incident.severity() == null ? "not yet triaged" : incident.severity()).append('\n');
        out.append("Status: ").append(incident.status()).append('\n');
        line(out, "Affected services", incident.affectedServices());
        line(out, "Customer impact", incident.customerImpact());
        line(out, "Summary", incident.summary());
        out.append("Declared: ").append(at(incident.declaredAt())).append(" by ").append(incident.declaredBy());
        return out.toString();
    }

    private List<String> timelineExcerpt(String incidentKey) {
        // a commander's private note is not for the vendor
        List<TimelineEntry> entries = timeline.of(incidentKey).stream().filter(e -> !e.commandersOnly()).toList();
        return entries.subList(Math.max(0, entries.size() - TIMELINE_LINES), entries.size()).stream()
                .map(JdbcCaseEvidence::timelineLine).toList();
    }

    private static String timelineLine(TimelineEntry entry) {
        StringBuilder out = new StringBuilder(at(entry.at())).append(' ');
        out.append(entry.stepName() != null ? entry.stepName() : entry.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (entry.kind() == TimelineKind.STEP_COMPLETED) {
            out.append(" (done)");
        }
        if (entry.actor() != null && !entry.actor().isBlank()) {
            out.append(" by ").append(entry.actor());
        }
        if (entry.detail() != null && !entry.detail().isBlank()) {
            out.append(": ").append(entry.detail().strip());
        }
        return out.toString();
    }

    private List<String> alerts(String incidentKey) {
        List<String> lines = new ArrayList<>(jdbc.query("SELECT source, status, summary, severity, first_seen_at, "
                        + "resolved_at, occurrences, link FROM bs_alert WHERE incident_key = ? ORDER BY id FETCH FIRST "
                        + ALERT_LINES + " ROWS ONLY",
                (rs, row) -> {
                    StringBuilder out = new StringBuilder(rs.getString("status")).append(" [")
                            .append(rs.getString("source")).append("] ").append(rs.getString("summary"));
                    String severity = rs.getString("severity");
                    if (severity != null && !severity.isBlank()) {
                        out.append(" (").append(severity).append(')');
                    }
                    out.append(", since ").append(at(rs.getTimestamp("first_seen_at").toInstant()));
                    var resolved = rs.getTimestamp("resolved_at");
                    if (resolved != null) {
                        out.append(", resolved ").append(at(resolved.toInstant()));
                    }
                    if (rs.getInt("occurrences") > 1) {
                        out.append(", ").append(rs.getInt("occurrences")).append(" times");
                    }
                    String link = rs.getString("link");
                    if (link != null && !link.isBlank()) {
                        out.append(' ').append(link);
                    }
                    return out.toString();
                }, incidentKey));
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert WHERE incident_key = ?", Long.class, incidentKey);
        if (total != null && total > ALERT_LINES) {
            lines.add("... and " + (total - ALERT_LINES) + " more alerts");
        }
        return lines;
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append(label).append(": ").append(value.strip()).append('\n');
        }
    }

    private static String at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
