package org.blackstart.app.alert.processing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.blackstart.spi.AlertStatus;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code bs_alert}, read and written in batches by the processing cycle. */
@Repository
class AlertStore {

    private static final String COLUMNS = "id, source, dedup_key, status, summary, severity, labels, annotations, link, "
            + "first_seen_at, last_seen_at, acknowledged_at, resolved_at, occurrences, group_id, incident_key";

    private final JdbcTemplate jdbc;
    private final SearchOutbox outbox;

    AlertStore(JdbcTemplate jdbc, SearchOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * The open alerts with these open keys, by open key. Their groups are loaded in one go through
     * {@code groupsOf}, which receives the group ids and returns the groups by id.
     */
    Map<String, AlertState> findOpen(List<String> openKeys, Function<Set<Long>, Map<Long, GroupState>> groupsOf) {
        List<Stored> stored = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(openKeys)) {
            jdbc.query("SELECT " + COLUMNS + " FROM bs_alert WHERE open_key IN (" + Sql.placeholders(chunk.size()) + ")",
                    rs -> {
                        stored.add(new Stored(rs.getLong("id"), rs.getString("source"), rs.getString("dedup_key"),
                                AlertStatus.valueOf(rs.getString("status")), rs.getString("summary"), rs.getString("severity"),
                                rs.getString("labels"), rs.getString("annotations"), rs.getString("link"),
                                Sql.instant(rs, "first_seen_at"), Sql.instant(rs, "last_seen_at"),
                                Sql.instant(rs, "acknowledged_at"), Sql.instant(rs, "resolved_at"), rs.getInt("occurrences"),
                                rs.getLong("group_id"), rs.getString("incident_key")));
                    }, chunk.toArray());
        }
        Set<Long> groupIds = new HashSet<>();
        stored.forEach(alert -> groupIds.add(alert.groupId()));
        Map<Long, GroupState> groups = groupIds.isEmpty() ? Map.of() : groupsOf.apply(groupIds);
        Map<String, AlertState> open = new HashMap<>();
        for (Stored s : stored) {
            AlertState alert = new AlertState(s.id(), s.source(), s.dedupKey(), s.status(), s.summary(), s.severity(),
                    s.labels(), s.annotations(), s.link(), s.firstSeenAt(), s.lastSeenAt(), s.acknowledgedAt(),
                    s.resolvedAt(), s.occurrences(), groups.get(s.groupId()), s.incidentKey());
            open.put(alert.openKey(), alert);
        }
        return open;
    }

    private record Stored(long id, String source, String dedupKey, AlertStatus status, String summary, String severity,
                          String labels, String annotations, String link, Instant firstSeenAt, Instant lastSeenAt,
                          Instant acknowledgedAt, Instant resolvedAt, int occurrences, long groupId, String incidentKey) {
    }

    void update(List<AlertState> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE bs_alert SET open_key = ?, status = ?, summary = ?, severity = ?, labels = ?, annotations = ?, "
                + "link = ?, last_seen_at = ?, acknowledged_at = ?, resolved_at = ?, occurrences = ?, incident_key = ? "
                + "WHERE id = ?", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                AlertState alert = alerts.get(i);
                Sql.text(ps, 1, alert.openKey());
                ps.setString(2, alert.status.name());
                ps.setString(3, alert.summary);
                Sql.text(ps, 4, alert.severity);
                ps.setString(5, alert.labelsJson);
                ps.setString(6, alert.annotationsJson);
                Sql.text(ps, 7, alert.link);
                Sql.time(ps, 8, alert.lastSeenAt);
                Sql.time(ps, 9, alert.acknowledgedAt);
                Sql.time(ps, 10, alert.resolvedAt);
                ps.setInt(11, alert.occurrences);
                Sql.text(ps, 12, alert.incidentKey);
                ps.setLong(13, alert.id);
            }

            @Override
            public int getBatchSize() {
                return alerts.size();
            }
        });
        outbox.changed(DocType.ALERT, alerts.stream().map(alert -> String.valueOf(alert.id)).toList());
    }

    void insert(List<AlertState> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        // The batch returns no keys: the new rows are among those above the highest id before it (identities only grow;
        // a concurrent cycle's rows enqueued twice are indexed twice, harmlessly).
        Long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM bs_alert", Long.class);
        jdbc.batchUpdate("INSERT INTO bs_alert (source, dedup_key, open_key, status, summary, severity, labels, annotations, "
                + "link, first_seen_at, last_seen_at, acknowledged_at, resolved_at, occurrences, rule_name, group_id, "
                + "incident_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                AlertState alert = alerts.get(i);
                ps.setString(1, alert.source);
                ps.setString(2, alert.dedupKey);
                Sql.text(ps, 3, alert.openKey());
                ps.setString(4, alert.status.name());
                ps.setString(5, alert.summary);
                Sql.text(ps, 6, alert.severity);
                ps.setString(7, alert.labelsJson);
                ps.setString(8, alert.annotationsJson);
                Sql.text(ps, 9, alert.link);
                Sql.time(ps, 10, alert.firstSeenAt);
                Sql.time(ps, 11, alert.lastSeenAt);
                Sql.time(ps, 12, alert.acknowledgedAt);
                Sql.time(ps, 13, alert.resolvedAt);
                ps.setInt(14, alert.occurrences);
                ps.setString(15, alert.group.rule.name());
                ps.setLong(16, alert.group.id);
                Sql.text(ps, 17, alert.incidentKey);
            }

            @Override
            public int getBatchSize() {
                return alerts.size();
            }
        });
        outbox.changedWhere(DocType.ALERT, "id", "FROM bs_alert WHERE id > ?", before);
    }

    /** The group's alerts from earlier cycles join the incident it has just opened. */
    void assignIncident(long groupId, String incidentKey) {
        jdbc.update("UPDATE bs_alert SET incident_key = ? WHERE group_id = ? AND incident_key IS NULL", incidentKey, groupId);
        outbox.changedWhere(DocType.ALERT, "id", "FROM bs_alert WHERE group_id = ? AND incident_key = ?", groupId, incidentKey);
        outbox.changed(DocType.INCIDENT, incidentKey); // its document carries its alerts' labels
    }
}
