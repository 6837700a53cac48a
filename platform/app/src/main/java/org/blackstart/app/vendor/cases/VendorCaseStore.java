package org.blackstart.app.vendor.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code bs_vendor_case}: the vendor cases of all incidents, found by the number vendors quote. */
@Repository
public class VendorCaseStore {

    private static final String COLUMNS = "id, incident_key, vendor, system, account, case_number, case_id, case_url, "
            + "process_instance_id, priority, opened_at, acknowledged_at, sla_breached_at, closed_at, dispute_outcome, state, "
            + "kept_after_close, kept_by, kept_reason";

    private final JdbcTemplate jdbc;
    private final SearchOutbox outbox;

    public VendorCaseStore(JdbcTemplate jdbc) {
        this(jdbc, SearchOutbox.none());
    }

    @Autowired
    public VendorCaseStore(JdbcTemplate jdbc, SearchOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * Registers a case just opened. A case number the system has given before (a retried open that
     * found its case) updates that row instead of failing the process.
     */
    public void register(String incidentKey, String vendor, String system, String account, String caseNumber,
                         String caseId, String caseUrl, String processInstanceId, Integer priority, Instant openedAt) {
        try {
            jdbc.update("INSERT INTO bs_vendor_case (incident_key, vendor, system, account, case_number, case_number_key, "
                            + "case_id, case_url, process_instance_id, priority, opened_at, state) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')",
                    incidentKey, vendor, system, account, caseNumber, key(caseNumber), caseId, caseUrl, processInstanceId,
                    priority, Timestamp.from(openedAt));
        } catch (DuplicateKeyException openedBefore) {
            jdbc.update("UPDATE bs_vendor_case SET incident_key = ?, vendor = ?, account = ?, case_id = ?, case_url = ?, "
                            + "process_instance_id = ?, priority = ? WHERE system = ? AND case_number_key = ?",
                    incidentKey, vendor, account, caseId, caseUrl, processInstanceId, priority, system, key(caseNumber));
        }
        outbox.incidentRetagged(incidentKey); // the incident's documents name its cases' vendors
    }

    /** The case {@code caseNumber} of {@code system}, however the vendor capitalised it. */
    public Optional<VendorCaseRecord> find(String system, String caseNumber) {
        if (system == null || caseNumber == null || caseNumber.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_vendor_case WHERE system = ? AND case_number_key = ?",
                VendorCaseStore::row, system, key(caseNumber)).stream().findFirst();
    }

    /** The cases of one incident, oldest first. */
    public List<VendorCaseRecord> ofIncident(String incidentKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_vendor_case WHERE incident_key = ? ORDER BY opened_at, id",
                VendorCaseStore::row, incidentKey);
    }

    /** Every case, or one vendor's, for the statistics. */
    public List<VendorCaseRecord> all(String vendor) {
        return vendor == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM bs_vendor_case ORDER BY opened_at, id", VendorCaseStore::row)
                : jdbc.query("SELECT " + COLUMNS + " FROM bs_vendor_case WHERE vendor = ? ORDER BY opened_at, id",
                        VendorCaseStore::row, vendor);
    }

    /** Sets the acknowledgement once; true when this call was the first. */
    public boolean acknowledge(long caseId, Instant at) {
        boolean first = jdbc.update("UPDATE bs_vendor_case SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
                Timestamp.from(at), caseId) == 1;
        changedIncidentOf(caseId);
        return first;
    }

    public void slaBreached(long caseId, Instant at) {
        jdbc.update("UPDATE bs_vendor_case SET sla_breached_at = ? WHERE id = ? AND sla_breached_at IS NULL",
                Timestamp.from(at), caseId);
        changedIncidentOf(caseId);
    }

    public void closed(long caseId, Instant at) {
        jdbc.update("UPDATE bs_vendor_case SET closed_at = ?, state = 'CLOSED' WHERE id = ? AND closed_at IS NULL",
                Timestamp.from(at), caseId);
        changedIncidentOf(caseId);
    }

    /** A commander kept the case open as its incident closed; true when it was open to keep. */
    public boolean kept(long caseId, String by, String reason) {
        boolean kept = jdbc.update("UPDATE bs_vendor_case SET kept_after_close = TRUE, kept_by = ?, kept_reason = ? "
                + "WHERE id = ? AND state = 'OPEN'", cut(by, 128), cut(reason, 1000), caseId) == 1;
        changedIncidentOf(caseId);
        return kept;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** The incident's search document carries its vendor cases. */
    private void changedIncidentOf(long caseId) {
        outbox.changedWhere(DocType.INCIDENT, "incident_key", "FROM bs_vendor_case WHERE id = ?", caseId);
    }

    /** The latest settlement of a dispute on the case; {@code bs_vendor_dispute} keeps each one. */
    public void disputeSettled(long caseId, String messageId, String outcome, String note, String settledBy, Instant at) {
        jdbc.update("UPDATE bs_vendor_case SET dispute_outcome = ? WHERE id = ?", outcome, caseId);
        jdbc.update("INSERT INTO bs_vendor_dispute (case_id, vendor_message_id, outcome, note, settled_by, settled_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", caseId, messageId, outcome, note, settledBy, Timestamp.from(at));
    }

    /** Settled disputes per outcome of the cases given by vendor ({@code null}: all vendors). */
    public List<Settlement> settlements(String vendor) {
        String sql = "SELECT c.vendor, d.outcome, COUNT(*) AS n FROM bs_vendor_dispute d JOIN bs_vendor_case c ON c.id = d.case_id "
                + (vendor == null ? "" : "WHERE c.vendor = ? ") + "GROUP BY c.vendor, d.outcome";
        return vendor == null
                ? jdbc.query(sql, (rs, n) -> new Settlement(rs.getString(1), rs.getString(2), rs.getLong(3)))
                : jdbc.query(sql, (rs, n) -> new Settlement(rs.getString(1), rs.getString(2), rs.getLong(3)), vendor);
    }

    /** Disputes the vendors raised (delivered DISPUTE messages), per vendor ({@code null}: all vendors). */
    public java.util.Map<String, Long> disputes(String vendor) {
        String sql = "SELECT vendor, COUNT(*) FROM bs_vendor_message WHERE kind = 'DISPUTE' AND state IN ('DELIVERED', 'FILED') "
                + (vendor == null ? "" : "AND vendor = ? ") + "GROUP BY vendor";
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        org.springframework.jdbc.core.RowCallbackHandler count = rs -> counts.put(rs.getString(1), rs.getLong(2));
        if (vendor == null) {
            jdbc.query(sql, count);
        } else {
            jdbc.query(sql, count, vendor);
        }
        return counts;
    }

    public record Settlement(String vendor, String outcome, long count) {
    }

    static String key(String caseNumber) {
        return caseNumber.strip().toUpperCase(Locale.ROOT);
    }

    private static VendorCaseRecord row(ResultSet rs, int n) throws SQLException {
        int priority = rs.getInt("priority");
        return new VendorCaseRecord(rs.getLong("id"), rs.getString("incident_key"), rs.getString("vendor"),
                rs.getString("system"), rs.getString("account"), rs.getString("case_number"), rs.getString("case_id"),
                rs.getString("case_url"), rs.getString("process_instance_id"), rs.wasNull() ? null : priority,
                instant(rs, "opened_at"), instant(rs, "acknowledged_at"), instant(rs, "sla_breached_at"),
                instant(rs, "closed_at"), rs.getString("dispute_outcome"), rs.getString("state"),
                rs.getBoolean("kept_after_close"), rs.getString("kept_by"), rs.getString("kept_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
