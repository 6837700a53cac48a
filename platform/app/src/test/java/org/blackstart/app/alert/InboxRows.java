package org.blackstart.app.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.AlertStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Puts alerts into the inbox the way the intake does: one batch row, then its alerts. */
final class InboxRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final List<Object[]> rows = new ArrayList<>();
    private final String source;

    InboxRows(JdbcTemplate jdbc, String source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    InboxRows alert(String dedupKey, AlertStatus status, String summary, Map<String, String> labels, Instant receivedAt) {
        return raw(dedupKey, status.name(), summary, write(labels), receivedAt);
    }

    /** A row as stored, for rows the intake would never write. */
    InboxRows raw(String dedupKey, String status, String summary, String labelsJson, Instant receivedAt) {
        rows.add(new Object[] {source, dedupKey, status, summary, labelsJson, Timestamp.from(receivedAt)});
        return this;
    }

    /** @return the ids of the stored rows, in order */
    List<Long> store() {
        KeyHolder batch = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO bs_alert_batch (source, received_at, alert_count, raw_payload) "
                    + "VALUES (?, ?, ?, '{}')", new String[] {"id"});
            ps.setString(1, source);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setInt(3, rows.size());
            return ps;
        }, batch);
        long batchId = batch.getKey().longValue();
        List<Long> ids = new ArrayList<>();
        for (Object[] row : rows) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("INSERT INTO bs_alert_inbox (batch_id, source, dedup_key, status, "
                        + "summary, labels, annotations, received_at) VALUES (?, ?, ?, ?, ?, ?, '{}', ?)", new String[] {"id"});
                ps.setLong(1, batchId);
                ps.setString(2, (String) row[0]);
                ps.setString(3, (String) row[1]);
                ps.setString(4, (String) row[2]);
                ps.setString(5, (String) row[3]);
                ps.setString(6, (String) row[4]);
                ps.setTimestamp(7, (Timestamp) row[5]);
                return ps;
            }, key);
            ids.add(key.getKey().longValue());
        }
        rows.clear();
        return ids;
    }

    private static String write(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(labels);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
