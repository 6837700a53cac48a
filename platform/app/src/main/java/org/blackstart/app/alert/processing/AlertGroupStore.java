package org.blackstart.app.alert.processing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.blackstart.app.alert.rule.AlertRules;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code bs_alert_group}. */
@Repository
class AlertGroupStore {

    private static final String SELECT = "SELECT g.id, g.rule_name, g.group_key, g.opened_at, g.window_ends_at, "
            + "g.alert_count, g.firing_count, g.incident_key, g.resolved_told, g.closed_at, i.status AS incident_status "
            + "FROM bs_alert_group g LEFT JOIN bs_incident i ON i.incident_key = g.incident_key ";

    private final JdbcTemplate jdbc;
    private final AlertRules rules;

    AlertGroupStore(JdbcTemplate jdbc, AlertRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    void findByIds(Collection<Long> ids, Consumer<GroupState> found) {
        for (List<Long> chunk : Sql.chunks(ids)) {
            jdbc.query(SELECT + "WHERE g.id IN (" + Sql.placeholders(chunk.size()) + ")",
                    rs -> {
                        found.accept(map(rs));
                    }, chunk.toArray());
        }
    }

    /** Groups not closed yet with these keys (of any rule), oldest first. */
    void findOpen(Collection<String> groupKeys, Consumer<GroupState> found) {
        for (List<String> chunk : Sql.chunks(groupKeys)) {
            jdbc.query(SELECT + "WHERE g.closed_at IS NULL AND g.group_key IN (" + Sql.placeholders(chunk.size())
                    + ") ORDER BY g.id", rs -> {
                        found.accept(map(rs));
                    }, chunk.toArray());
        }
    }

    void insert(GroupState group) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO bs_alert_group (rule_name, group_key, opened_at, "
                    + "window_ends_at, alert_count, firing_count, incident_key, resolved_told, closed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, group.rule.name());
            ps.setString(2, group.groupKey);
            Sql.time(ps, 3, group.openedAt);
            Sql.time(ps, 4, group.windowEndsAt);
            ps.setInt(5, group.alertCount);
            ps.setInt(6, group.firingCount);
            Sql.text(ps, 7, group.incidentKey);
            ps.setBoolean(8, group.resolvedTold);
            Sql.time(ps, 9, group.closedAt);
            return ps;
        }, key);
        group.id = key.getKey().longValue();
    }

    void update(List<GroupState> groups) {
        if (groups.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE bs_alert_group SET alert_count = ?, firing_count = ?, incident_key = ?, resolved_told = ?, "
                + "closed_at = ? WHERE id = ?", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                GroupState group = groups.get(i);
                ps.setInt(1, group.alertCount);
                ps.setInt(2, group.firingCount);
                Sql.text(ps, 3, group.incidentKey);
                ps.setBoolean(4, group.resolvedTold);
                Sql.time(ps, 5, group.closedAt);
                ps.setLong(6, group.id);
            }

            @Override
            public int getBatchSize() {
                return groups.size();
            }
        });
    }

    private GroupState map(ResultSet rs) throws SQLException {
        String incidentStatus = rs.getString("incident_status");
        boolean incidentOpen = incidentStatus != null && !"closed".equals(incidentStatus) && !"cancelled".equals(incidentStatus);
        GroupState group = new GroupState(rs.getLong("id"), rules.byName(rs.getString("rule_name")), rs.getString("group_key"),
                Sql.instant(rs, "opened_at"), Sql.instant(rs, "window_ends_at"), rs.getInt("alert_count"),
                rs.getInt("firing_count"), rs.getString("incident_key"), rs.getBoolean("resolved_told"),
                Sql.instant(rs, "closed_at"), incidentOpen);
        group.incidentMonitoring = "monitoring".equals(incidentStatus);
        return group;
    }
}
