package org.blackstart.app.alert.api;

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

/** Reads {@code bs_alert} for people, newest first. */
@Repository
public class AlertQueries {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AlertQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Any filter may be {@code null}. */
    public List<AlertView> find(AlertStatus status, String source, String incidentKey, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, source, dedup_key, status, summary, severity, labels, annotations, "
                + "link, first_seen_at, last_seen_at, acknowledged_at, resolved_at, occurrences, rule_name, group_id, "
                + "incident_key FROM bs_alert WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source);
        }
        if (incidentKey != null) {
            sql.append(" AND incident_key = ?");
            args.add(incidentKey);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    private AlertView map(ResultSet rs, int row) throws SQLException {
        return new AlertView(rs.getLong("id"), rs.getString("source"), rs.getString("dedup_key"), rs.getString("status"),
                rs.getString("summary"), rs.getString("severity"), parse(rs.getString("labels")),
                parse(rs.getString("annotations")), rs.getString("link"), instant(rs, "first_seen_at"),
                instant(rs, "last_seen_at"), instant(rs, "acknowledged_at"), instant(rs, "resolved_at"),
                rs.getInt("occurrences"), rs.getString("rule_name"), rs.getLong("group_id"), rs.getString("incident_key"));
    }

    private Map<String, String> parse(String text) {
        try {
            Map<String, String> map = json.readValue(text, MAP);
            return map == null ? Map.of() : map;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
