package org.blackstart.app.postmortem;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.console.IncidentDetails;
import org.blackstart.app.console.IncidentDetailsReader;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.statuspage.StatusPageProperties;
import org.blackstart.app.vendor.cases.VendorCaseRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the postmortem's draft from Blackstart's own tables: the incident as its commander reads it
 * ({@link IncidentDetailsReader}), the key times in force ({@code bs_key_time}: the latest row per name), the pinned
 * timeline entries in time order, vendor disputes and action items.
 */
@Component
class PostmortemFactsBuilder {

    static final int ALERTS = 50;
    static final int PAGES = 100;
    static final int PINNED = 200;

    private final IncidentDetailsReader details;
    private final StatusPageProperties statusPage;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PostmortemFactsBuilder(IncidentDetailsReader details, StatusPageProperties statusPage, JdbcTemplate jdbc, Clock clock) {
        this.details = details;
        this.statusPage = statusPage;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws org.blackstart.app.incident.IncidentNotFoundException when there is no such incident */
    PostmortemFacts build(String key) {
        IncidentDetails read = details.read(key, false);
        IncidentRecord incident = read.incident();
        Map<String, Instant> keyTimes = keyTimes(key);
        return new PostmortemFacts(clock.instant(),
                new PostmortemFacts.Incident(key, incident.title(), incident.severity(), incident.status(),
                        incident.summary(), read.commander(), incident.declaredAt(), incident.closedAt(),
                        incident.rootCause(), incident.resolution()),
                new PostmortemFacts.Impact(services(incident.affectedServices()), incident.customerImpact(), customers(key),
                        read.notices().stream().map(n -> new PostmortemFacts.Notice(n.step(), n.channel(), n.language(),
                                n.sent(), n.refused(), n.pending())).toList()),
                keyTimes, KeyTimeDurations.of(keyTimes), pinned(key),
                read.alerts().stream().sorted(java.util.Comparator.comparing(a -> a.firstSeenAt())).limit(ALERTS)
                        .map(a -> new PostmortemFacts.Alert(a.source(), a.summary(), a.severity(), a.status(),
                                a.firstSeenAt(), a.resolvedAt(), a.occurrences())).toList(),
                read.alertCount(),
                read.pages().stream().limit(PAGES).map(p -> new PostmortemFacts.Page(p.step(), p.channel(), p.recipient(),
                        p.state(), p.sentAt())).toList(),
                read.acknowledgements().stream().map(a -> new PostmortemFacts.Answer(a.at(), a.by(), a.via())).toList(),
                read.vendorCases().stream().map(this::vendorCase).toList(),
                actionItems(key));
    }

    private List<String> services(String affected) {
        if (affected == null || affected.isBlank()) {
            return List.of();
        }
        return Arrays.stream(affected.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(statusPage::componentName).toList();
    }

    /** Customers and subscribers a notice of the incident reached, each once; a withheld notice reached nobody. */
    private long customers(String key) {
        Long count = jdbc.queryForObject("SELECT COUNT(DISTINCT COALESCE(r.customer_id, LOWER(r.address))) "
                + "FROM bs_notice_recipient r JOIN bs_delivery d ON d.incident_key = r.incident_key AND d.step = r.step "
                + "AND d.channel = r.channel AND d.recipient = r.address AND d.state = 'SENT' "
                + "WHERE r.incident_key = ? AND r.channel <> 'phone'", Long.class, key);
        return count == null ? 0 : count;
    }

    /** The latest row per name is in force; earlier rows are corrections' history. */
    private Map<String, Instant> keyTimes(String key) {
        Map<String, Instant> times = new LinkedHashMap<>();
        jdbc.query("SELECT name, at_time FROM bs_key_time WHERE incident_key = ? ORDER BY id", rs -> {
            times.put(rs.getString("name"), rs.getTimestamp("at_time").toInstant());
        }, key);
        Map<String, Instant> ordered = new LinkedHashMap<>();
        KeyTimeDurations.NAMES.stream().filter(times::containsKey).forEach(name -> ordered.put(name, times.get(name)));
        return ordered;
    }

    /** Commanders-only notes stay out: agents read the postmortem. */
    private List<PostmortemFacts.Pinned> pinned(String key) {
        return jdbc.query("SELECT id, occurred_at, kind, actor, step_name, detail, pinned_by FROM bs_timeline "
                        + "WHERE incident_key = ? AND pinned_by IS NOT NULL AND visibility = 'all' ORDER BY occurred_at, id FETCH FIRST " + PINNED
                        + " ROWS ONLY",
                (rs, n) -> new PostmortemFacts.Pinned(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("kind"), rs.getString("actor"), rs.getString("step_name"), rs.getString("detail"),
                        rs.getString("pinned_by")), key);
    }

    private PostmortemFacts.VendorCase vendorCase(VendorCaseRecord c) {
        Long response = c.acknowledgedAt() == null ? null : Duration.between(c.openedAt(), c.acknowledgedAt()).toMinutes();
        List<PostmortemFacts.Dispute> disputes = jdbc.query("SELECT outcome, note, settled_by, settled_at FROM bs_vendor_dispute "
                        + "WHERE case_id = ? ORDER BY id",
                (rs, n) -> new PostmortemFacts.Dispute(rs.getString("outcome"), rs.getString("note"),
                        rs.getString("settled_by"), instant(rs.getTimestamp("settled_at"))), c.id());
        return new PostmortemFacts.VendorCase(c.vendor(), c.caseNumber(), c.openedAt(), c.acknowledgedAt(), response,
                c.slaBreachedAt(), c.closedAt(), disputes);
    }

    private List<PostmortemFacts.ActionItem> actionItems(String key) {
        return jdbc.query("SELECT id, title, kind, owner, due_on, status, ticket_key, ticket_url FROM bs_action_item "
                        + "WHERE incident_key = ? ORDER BY id",
                (rs, n) -> new PostmortemFacts.ActionItem(rs.getLong("id"), rs.getString("title"), rs.getString("kind"),
                        rs.getString("owner"), rs.getDate("due_on").toLocalDate(), rs.getString("status"),
                        rs.getString("ticket_key"), rs.getString("ticket_url")), key);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
