package org.blackstart.app.alert.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.AlertStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The processor's side of {@code bs_alert_inbox}: the node lock, pending rows, and what became of them. */
@Repository
class InboxStore {

    static final String PROCESSOR_LOCK = "alert-processor";
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };
    private static final String COLUMNS = "i.id, i.source, i.dedup_key, i.status, i.summary, i.severity, i.labels, "
            + "i.annotations, i.link, i.received_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    InboxStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Waits for, then holds until commit, the one lock row that makes processing run on one node at a time. */
    void lock() {
        jdbc.queryForObject("SELECT name FROM bs_lock WHERE name = ? FOR UPDATE", String.class, PROCESSOR_LOCK);
    }

    /** Pending ids in arrival order, without the rows that failed alone: those are retried on their own. */
    List<Long> pendingIds(int limit) {
        return jdbc.queryForList("SELECT i.id FROM bs_alert_inbox i WHERE i.processed_at IS NULL AND NOT EXISTS "
                + "(SELECT 1 FROM bs_alert_failure f WHERE f.inbox_id = i.id) ORDER BY i.id FETCH FIRST " + limit
                + " ROWS ONLY", Long.class);
    }

    /** These rows, if still pending, in id order. */
    List<InboxRow> read(List<Long> ids) {
        List<InboxRow> rows = new ArrayList<>(ids.size());
        for (List<Long> chunk : Sql.chunks(ids)) {
            rows.addAll(jdbc.query("SELECT " + COLUMNS + " FROM bs_alert_inbox i WHERE i.processed_at IS NULL AND i.id IN ("
                    + Sql.placeholders(chunk.size()) + ") ORDER BY i.id", (rs, n) -> map(rs), chunk.toArray()));
        }
        rows.sort((a, b) -> Long.compare(a.id(), b.id()));
        return rows;
    }

    void markProcessed(List<InboxRow> rows, Instant at) {
        Timestamp now = Timestamp.from(at);
        // One statement per chunk rather than one per row: this runs for every alert.
        for (List<InboxRow> chunk : Sql.chunks(rows)) {
            Object[] args = new Object[chunk.size() + 1];
            args[0] = now;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i).id();
            }
            jdbc.update("UPDATE bs_alert_inbox SET processed_at = ? WHERE id IN (" + Sql.placeholders(chunk.size()) + ")", args);
        }
    }

    /** Failed rows whose next attempt is due, oldest first. */
    List<Long> dueForRetry(Instant now) {
        return jdbc.queryForList("SELECT f.inbox_id FROM bs_alert_failure f JOIN bs_alert_inbox i ON i.id = f.inbox_id "
                + "WHERE i.processed_at IS NULL AND f.given_up_at IS NULL AND f.next_attempt_at <= ? ORDER BY f.inbox_id",
                Long.class, Timestamp.from(now));
    }

    void forgetFailure(long inboxId) {
        jdbc.update("DELETE FROM bs_alert_failure WHERE inbox_id = ?", inboxId);
    }

    /** @return the attempts so far, this one included */
    int recordFailure(long inboxId, String error, Instant now) {
        int updated = jdbc.update("UPDATE bs_alert_failure SET attempts = attempts + 1, last_error = ? WHERE inbox_id = ?",
                Sql.truncate(error, 2000), inboxId);
        if (updated == 0) {
            jdbc.update("INSERT INTO bs_alert_failure (inbox_id, attempts, last_error, first_failed_at, next_attempt_at) "
                    + "VALUES (?, 1, ?, ?, ?)", inboxId, Sql.truncate(error, 2000), Timestamp.from(now), Timestamp.from(now));
            return 1;
        }
        Integer attempts = jdbc.queryForObject("SELECT attempts FROM bs_alert_failure WHERE inbox_id = ?", Integer.class, inboxId);
        return attempts == null ? 1 : attempts;
    }

    void retryAt(long inboxId, Instant at) {
        jdbc.update("UPDATE bs_alert_failure SET next_attempt_at = ? WHERE inbox_id = ?", Timestamp.from(at), inboxId);
    }

    /** The row is done with: marked processed, so it no longer waits, and its error stays in bs_alert_failure. */
    void giveUp(long inboxId, Instant now) {
        jdbc.update("UPDATE bs_alert_failure SET given_up_at = ? WHERE inbox_id = ?", Timestamp.from(now), inboxId);
        jdbc.update("UPDATE bs_alert_inbox SET processed_at = ? WHERE id = ?", Timestamp.from(now), inboxId);
    }

    private InboxRow map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String labels = rs.getString("labels");
        Map<String, String> parsed;
        try {
            parsed = json.readValue(labels, LABELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox row " + id + ": labels are not a JSON object of strings: "
                    + e.getOriginalMessage(), e);
        }
        String status = rs.getString("status");
        AlertStatus alertStatus;
        try {
            alertStatus = AlertStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("inbox row " + id + ": unknown status '" + status + "'", e);
        }
        return new InboxRow(id, rs.getString("source"), rs.getString("dedup_key"), alertStatus, rs.getString("summary"),
                rs.getString("severity"), parsed == null ? Map.of() : parsed, labels, rs.getString("annotations"),
                rs.getString("link"), Sql.instant(rs, "received_at"));
    }
}
