package org.blackstart.app.statuspage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The postmortems the public may read: only the customer texts of a published one. The internal sections
 * (trigger, contributing factors, what went well or wrong, who did what) are never read here, so no page
 * built from this can show them.
 */
@Repository
class PublicReports {

    /** What the public report says, and the times of the impact from the incident's key times (when recorded). */
    record Report(String incidentKey, String customerSummary, String customerChanges, Instant publishedAt,
                  Instant impactStarted, Instant impactEnded) {
    }

    private final JdbcTemplate jdbc;

    PublicReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Report> published(String incidentKey) {
        List<Report> reports = jdbc.query("SELECT customer_summary, customer_changes, "
                        + "COALESCE(published_at, updated_at) AS published FROM bs_postmortem "
                        + "WHERE incident_key = ? AND status = 'published'",
                (rs, n) -> new Report(incidentKey, rs.getString("customer_summary"), rs.getString("customer_changes"),
                        instant(rs.getObject("published", OffsetDateTime.class)), null, null), incidentKey);
        return reports.stream().findFirst().map(report -> {
            Map<String, Instant> times = keyTimes(incidentKey);
            return new Report(incidentKey, report.customerSummary(), report.customerChanges(), report.publishedAt(),
                    times.get("impact_started"), times.get("resolved"));
        });
    }

    /** Which of these incidents have a published report, in one query for a whole page. */
    Set<String> publishedAmong(Collection<String> incidentKeys) {
        if (incidentKeys.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(",", Collections.nCopies(incidentKeys.size(), "?"));
        return new HashSet<>(jdbc.queryForList("SELECT incident_key FROM bs_postmortem WHERE status = 'published' "
                + "AND incident_key IN (" + marks + ")", String.class, incidentKeys.toArray()));
    }

    /** The key times in force: the latest row per name (the table is append-only; corrections add rows). */
    private Map<String, Instant> keyTimes(String incidentKey) {
        Map<String, Instant> times = new HashMap<>();
        jdbc.query("SELECT name, at_time FROM bs_key_time WHERE incident_key = ? AND name IN ('impact_started', 'resolved') "
                + "ORDER BY id", rs -> {
            times.put(rs.getString("name"), instant(rs.getObject("at_time", OffsetDateTime.class)));
        }, incidentKey);
        return times;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

}
