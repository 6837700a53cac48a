package org.blackstart.app.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class IncidentRepository {

    private static final String COLUMNS = "incident_key, title, summary, severity, status, affected_services, "
            + "customer_impact, declared_by, declared_at, updated_at, closed_at, process_instance_id, "
            + "root_cause, resolution";
    /** The columns' size: a longer text is cut, never refused, since the engine has already moved on. */
    static final int RESOLUTION_LIMIT = 4000;

    /** Boolean process variable of major-incident (the declare form's checkbox) that marks a test incident. */
    public static final String TEST_VARIABLE = "testIncident";
    public static final String KIND_INCIDENT = "incident";
    public static final String KIND_TEST = "test";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SearchOutbox outbox;

    public IncidentRepository(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, SearchOutbox.none());
    }

    @Autowired
    public IncidentRepository(JdbcTemplate jdbc, Clock clock, SearchOutbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
    }

    public void insert(String key, String title, String summary, String severity, String declaredBy, String processInstanceId,
                       String escalationPolicy) {
        insert(key, title, summary, severity, declaredBy, processInstanceId, escalationPolicy, KIND_INCIDENT);
    }

    /** @param kind {@link #KIND_INCIDENT}, or {@link #KIND_TEST} for a drill that must not count in the figures */
    public void insert(String key, String title, String summary, String severity, String declaredBy, String processInstanceId,
                       String escalationPolicy, String kind) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO bs_incident (incident_key, title, summary, severity, status, declared_by, declared_at, "
                        + "updated_at, process_instance_id, escalation_policy, kind) "
                        + "VALUES (?, ?, ?, ?, 'declared', ?, ?, ?, ?, ?, ?)",
                key, title, summary, severity, declaredBy, now, now, processInstanceId, escalationPolicy,
                KIND_TEST.equals(kind) ? KIND_TEST : KIND_INCIDENT);
        outbox.changed(DocType.INCIDENT, key);
    }

    /** Copies what triage and later steps decided; {@code null} leaves a column as it is. */
    public void update(String key, String severity, String affectedServices, String customerImpact, String status) {
        Instant now = clock.instant();
        jdbc.update("UPDATE bs_incident SET severity = COALESCE(?, severity), affected_services = COALESCE(?, affected_services), "
                        + "customer_impact = COALESCE(?, customer_impact), status = COALESCE(?, status), updated_at = ?, "
                        + "closed_at = CASE WHEN ? = 'closed' THEN ? ELSE closed_at END WHERE incident_key = ?",
                severity, affectedServices, customerImpact, status, Timestamp.from(now), status, Timestamp.from(now), key);
        if (severity != null || affectedServices != null) {
            outbox.incidentRetagged(key); // every document of the incident carries them
        } else {
            outbox.changed(DocType.INCIDENT, key);
        }
    }

    /** What Resolve recorded; {@code null} leaves a column as it is. Texts longer than the column are cut. */
    public void recordResolution(String key, String rootCause, String resolution) {
        jdbc.update("UPDATE bs_incident SET root_cause = COALESCE(?, root_cause), resolution = COALESCE(?, resolution), "
                        + "updated_at = ? WHERE incident_key = ?",
                capped(rootCause), capped(resolution), Timestamp.from(clock.instant()), key);
        outbox.changed(DocType.INCIDENT, key);
    }

    static String capped(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() <= RESOLUTION_LIMIT) {
            return stripped;
        }
        int end = RESOLUTION_LIMIT - 1;
        // Never split a surrogate pair: half an emoji is not text.
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end) + "\u2026";
    }

    public Optional<IncidentRecord> find(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_incident WHERE incident_key = ?", IncidentRepository::map, key)
                .stream().findFirst();
    }

    /** The row, locked until the caller's transaction ends. */
    public Optional<IncidentRecord> findForUpdate(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_incident WHERE incident_key = ? FOR UPDATE", IncidentRepository::map,
                key).stream().findFirst();
    }

    public List<IncidentRecord> list(String status, int limit) {
        if (status == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM bs_incident ORDER BY declared_at DESC, incident_key DESC "
                    + "FETCH FIRST " + limit + " ROWS ONLY", IncidentRepository::map);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_incident WHERE status = ? ORDER BY declared_at DESC, "
                + "incident_key DESC FETCH FIRST " + limit + " ROWS ONLY", IncidentRepository::map, status);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_incident", Long.class);
        return count == null ? 0 : count;
    }

    private static IncidentRecord map(ResultSet rs, int row) throws SQLException {
        return new IncidentRecord(rs.getString("incident_key"), rs.getString("title"), rs.getString("summary"),
                rs.getString("severity"), rs.getString("status"), rs.getString("affected_services"),
                rs.getString("customer_impact"), rs.getString("declared_by"), instant(rs, "declared_at"),
                instant(rs, "updated_at"), instant(rs, "closed_at"), rs.getString("process_instance_id"),
                rs.getString("root_cause"), rs.getString("resolution"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
