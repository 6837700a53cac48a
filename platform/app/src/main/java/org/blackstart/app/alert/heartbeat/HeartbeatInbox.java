package org.blackstart.app.alert.heartbeat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blackstart.app.alert.rule.AlertRules;
import org.blackstart.spi.AlertStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Puts a heartbeat's alert into the inbox, in the caller's transaction, like any alert source's:
 * from there it is deduplicated, grouped and opens or resolves its incident.
 */
@Component
class HeartbeatInbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    HeartbeatInbox(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static String dedupKey(String heartbeat) {
        return "heartbeat:" + heartbeat;
    }

    void store(String heartbeat, AlertStatus status, String summary, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("heartbeat", heartbeat);
        payload.put("status", status.name());
        payload.put("summary", summary);
        payload.put("at", at.toString());
        String labels = write(Map.of(AlertRules.HEARTBEAT_LABEL, heartbeat));
        Timestamp now = Timestamp.from(at);
        KeyHolder batch = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO bs_alert_batch (source, received_at, alert_count, raw_payload) "
                    + "VALUES (?, ?, 1, ?)", new String[] {"id"});
            ps.setString(1, AlertRules.HEARTBEAT_SOURCE);
            ps.setTimestamp(2, now);
            ps.setString(3, write(payload));
            return ps;
        }, batch);
        jdbc.update("INSERT INTO bs_alert_inbox (batch_id, source, dedup_key, status, summary, severity, labels, annotations, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.getKey().longValue(), AlertRules.HEARTBEAT_SOURCE, dedupKey(heartbeat), status.name(), summary,
                status == AlertStatus.FIRING ? "critical" : null, labels, "{}", now);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("heartbeat alert cannot be written as JSON", e);
        }
    }
}
