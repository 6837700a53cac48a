package org.blackstart.app.insights;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures computed from the database: the incidents declared in the months asked for, read with
 * their key times in force (the latest row per incident and name in {@code bs_key_time}), and
 * summed up here. Months are UTC months of the declaration.
 *
 * <p>What counts: incidents of kind {@code incident}; test incidents do not, and neither do cancelled
 * ones (declared by mistake: nothing was detected, nothing resolved). Scheduled maintenance never
 * makes a {@code bs_incident} row (its process is not marked {@code blackstart.incident}), so it cannot
 * count.
 */
@Component
class DatabaseIncidentInsights implements IncidentInsights {

    static final String ENGINE = "database";

    /** The incidents that count, declared in [?, ?). */
    private static final String COUNTED = "i.kind = 'incident' AND i.status <> 'cancelled' "
            + "AND i.declared_at >= ? AND i.declared_at < ?";

    private final JdbcTemplate jdbc;
    private final OpenActionItems actionItems;

    DatabaseIncidentInsights(JdbcTemplate jdbc, OpenActionItems actionItems) {
        this.jdbc = jdbc;
        this.actionItems = actionItems;
    }

    @Override
    public Insights figures(InsightsQuery query) {
        Timestamp start = Timestamp.from(query.start());
        Timestamp end = Timestamp.from(query.end());
        Map<String, Counted> incidents = incidents(start, end);
        keyTimes(start, end, incidents);
        vendors(start, end, incidents);

        List<Insights.Row> totals = new ArrayList<>();
        List<Insights.Row> rows = new ArrayList<>();
        for (YearMonth month : query.months()) {
            List<Counted> ofMonth = incidents.values().stream().filter(i -> i.month.equals(month)).toList();
            if (!ofMonth.isEmpty()) {
                totals.add(row(month, "all", ofMonth));
            }
            Map<String, List<Counted>> groups = new TreeMap<>();
            for (Counted incident : ofMonth) {
                for (String group : incident.groups(query.by())) {
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(incident);
                }
            }
            groups.forEach((group, members) -> rows.add(row(month, group, members)));
        }
        return new Insights(ENGINE, query.from().toString(), query.to().toString(), query.by().code(),
                query.months().stream().map(YearMonth::toString).toList(), totals, rows,
                vendorResponse(start, end), actionItems.now());
    }

    private static Insights.Row row(YearMonth month, String group, List<Counted> incidents) {
        return new Insights.Row(month.toString(), group, incidents.size(),
                figure(incidents, "detected", "acknowledged"),
                figure(incidents, "impact_started", "resolved"),
                figure(incidents, "impact_started", "detected"),
                figure(incidents, "impact_started", "mitigated"));
    }

    private static Insights.Figure figure(List<Counted> incidents, String from, String to) {
        List<Long> seconds = new ArrayList<>();
        for (Counted incident : incidents) {
            Instant a = incident.keyTimes.get(from);
            Instant b = incident.keyTimes.get(to);
            if (a != null && b != null) {
                seconds.add(Duration.between(a, b).toSeconds());
            }
        }
        return Figures.of(seconds);
    }

    private Map<String, Counted> incidents(Timestamp start, Timestamp end) {
        Map<String, Counted> incidents = new LinkedHashMap<>();
        jdbc.query("SELECT i.incident_key, i.severity, i.affected_services, i.escalation_policy, i.declared_at "
                        + "FROM bs_incident i WHERE " + COUNTED + " ORDER BY i.declared_at",
                rs -> {
                    Counted incident = new Counted(YearMonth.from(rs.getTimestamp("declared_at").toInstant()
                            .atZone(ZoneOffset.UTC)), rs.getString("severity"), rs.getString("affected_services"),
                            rs.getString("escalation_policy"));
                    incidents.put(rs.getString("incident_key"), incident);
                }, start, end);
        return incidents;
    }

    private void keyTimes(Timestamp start, Timestamp end, Map<String, Counted> incidents) {
        jdbc.query("SELECT k.incident_key, k.name, k.at_time FROM bs_key_time k "
                        + "JOIN bs_incident i ON i.incident_key = k.incident_key WHERE " + COUNTED
                        + " AND k.id = (SELECT MAX(m.id) FROM bs_key_time m WHERE m.incident_key = k.incident_key "
                        + "AND m.name = k.name)",
                rs -> {
                    Counted incident = incidents.get(rs.getString("incident_key"));
                    if (incident != null) {
                        incident.keyTimes.put(rs.getString("name"), rs.getTimestamp("at_time").toInstant());
                    }
                }, start, end);
    }

    private void vendors(Timestamp start, Timestamp end, Map<String, Counted> incidents) {
        jdbc.query("SELECT DISTINCT c.incident_key, c.vendor FROM bs_vendor_case c "
                        + "JOIN bs_incident i ON i.incident_key = c.incident_key WHERE " + COUNTED,
                rs -> {
                    Counted incident = incidents.get(rs.getString("incident_key"));
                    if (incident != null) {
                        incident.vendors.add(rs.getString("vendor"));
                    }
                }, start, end);
    }

    private List<Insights.VendorResponse> vendorResponse(Timestamp start, Timestamp end) {
        record Case(YearMonth month, String vendor, Long seconds) {
        }
        List<Case> cases = jdbc.query("SELECT c.vendor, c.opened_at, c.acknowledged_at FROM bs_vendor_case c "
                        + "JOIN bs_incident i ON i.incident_key = c.incident_key "
                        + "WHERE i.kind = 'incident' AND c.opened_at >= ? AND c.opened_at < ?",
                (rs, n) -> {
                    Instant opened = rs.getTimestamp("opened_at").toInstant();
                    Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
                    return new Case(YearMonth.from(opened.atZone(ZoneOffset.UTC)), rs.getString("vendor"),
                            acknowledged == null ? null : Duration.between(opened, acknowledged.toInstant()).toSeconds());
                }, start, end);
        Map<YearMonth, Map<String, List<Case>>> byMonth = new TreeMap<>();
        for (Case c : cases) {
            byMonth.computeIfAbsent(c.month(), m -> new TreeMap<>()).computeIfAbsent(c.vendor(), v -> new ArrayList<>()).add(c);
        }
        List<Insights.VendorResponse> response = new ArrayList<>();
        byMonth.forEach((month, vendors) -> vendors.forEach((vendor, ofVendor) -> response.add(
                new Insights.VendorResponse(month.toString(), vendor, ofVendor.size(), Figures.of(ofVendor.stream()
                        .map(Case::seconds).filter(java.util.Objects::nonNull).toList())))));
        return response;
    }

    /** One incident that counts, with what the figures need of it. */
    private static final class Counted {
        final YearMonth month;
        final String severity;
        final String services;
        final String policy;
        final Map<String, Instant> keyTimes = new HashMap<>();
        final Set<String> vendors = new LinkedHashSet<>();

        Counted(YearMonth month, String severity, String services, String policy) {
            this.month = month;
            this.severity = severity;
            this.services = services;
            this.policy = policy;
        }

        Set<String> groups(Dimension by) {
            Function<String, Set<String>> one = value -> Set.of(value == null || value.isBlank() ? Figures.NONE
                    : value.strip());
            return switch (by) {
                case SEVERITY -> one.apply(severity);
                case POLICY -> one.apply(policy);
                case VENDOR -> vendors.isEmpty() ? Set.of(Figures.NONE) : vendors;
                case SERVICE -> {
                    Set<String> names = new LinkedHashSet<>();
                    if (services != null) {
                        for (String name : services.split(",")) {
                            if (!name.isBlank()) {
                                names.add(name.strip());
                            }
                        }
                    }
                    yield names.isEmpty() ? Set.of(Figures.NONE) : names;
                }
            };
        }
    }
}
