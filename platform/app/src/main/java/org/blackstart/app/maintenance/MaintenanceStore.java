package org.blackstart.app.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Maintenance windows in {@code bs_maintenance}; the status page reads the same table. */
@Repository
class MaintenanceStore {

    private static final String COLUMNS = "maintenance_key, title, components, window_start, window_end, zone_offset, "
            + "advice, reminder_before, state, revision, created_by";

    private final JdbcTemplate jdbc;

    MaintenanceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Maintenance m, Instant now) {
        jdbc.update("INSERT INTO bs_maintenance (" + COLUMNS + ", created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.key(), m.title(), String.join(",", m.components()), utc(m.windowStart()), utc(m.windowEnd()),
                m.windowStart().getOffset().getId(), m.advice(), m.reminderBefore().toString(), m.state(), m.revision(),
                m.createdBy(), now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
    }

    void update(Maintenance m, Instant now) {
        jdbc.update("UPDATE bs_maintenance SET title = ?, components = ?, window_start = ?, window_end = ?, zone_offset = ?, "
                        + "advice = ?, reminder_before = ?, revision = ?, updated_at = ? WHERE maintenance_key = ?",
                m.title(), String.join(",", m.components()), utc(m.windowStart()), utc(m.windowEnd()),
                m.windowStart().getOffset().getId(), m.advice(), m.reminderBefore().toString(), m.revision(),
                now.atOffset(ZoneOffset.UTC), m.key());
    }

    void state(String key, String state, Instant now) {
        boolean ended = "completed".equals(state) || "cancelled".equals(state);
        jdbc.update("UPDATE bs_maintenance SET state = ?, updated_at = ?, ended_at = " + (ended ? "?" : "NULL")
                        + " WHERE maintenance_key = ?",
                ended ? new Object[] {state, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), key}
                        : new Object[] {state, now.atOffset(ZoneOffset.UTC), key});
    }

    Optional<Maintenance> find(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_maintenance WHERE maintenance_key = ?", MaintenanceStore::row, key)
                .stream().findFirst();
    }

    /** Newest windows first. */
    List<Maintenance> list(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_maintenance ORDER BY window_start DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", MaintenanceStore::row);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Maintenance row(ResultSet rs, int n) throws SQLException {
        ZoneOffset offset = ZoneOffset.of(rs.getString("zone_offset"));
        return new Maintenance(rs.getString("maintenance_key"), rs.getString("title"),
                Arrays.stream(rs.getString("components").split(",")).filter(s -> !s.isBlank()).toList(),
                rs.getObject("window_start", OffsetDateTime.class).withOffsetSameInstant(offset),
                rs.getObject("window_end", OffsetDateTime.class).withOffsetSameInstant(offset),
                rs.getString("advice"), Duration.parse(rs.getString("reminder_before")), rs.getString("state"),
                rs.getInt("revision"), rs.getString("created_by"));
    }
}
