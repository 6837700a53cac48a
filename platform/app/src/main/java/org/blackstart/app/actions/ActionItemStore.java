package org.blackstart.app.actions;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code bs_action_item}. Written in the transaction of the API call or of the engine's step. */
@Repository
class ActionItemStore {

    static final int LIMIT = 500;
    private static final String COLUMNS = "id, incident_key, title, kind, owner, due_on, status, ticket_system, ticket_key, "
            + "ticket_url, created_by, created_at, closed_by, closed_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ActionItemsProperties properties;

    ActionItemStore(JdbcTemplate jdbc, Clock clock, ActionItemsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    long insert(String incidentKey, String title, String kind, String owner, LocalDate dueOn, String createdBy, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO bs_action_item (incident_key, title, kind, "
                    + "owner, due_on, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, incidentKey);
            insert.setString(2, title);
            insert.setString(3, kind);
            insert.setString(4, owner);
            insert.setDate(5, Date.valueOf(dueOn));
            insert.setString(6, ActionItem.OPEN);
            insert.setString(7, createdBy);
            insert.setTimestamp(8, Timestamp.from(at));
            return insert;
        }, keys);
        return keys.getKey().longValue();
    }

    void processStarted(long id, String processInstanceId) {
        jdbc.update("UPDATE bs_action_item SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    String processInstanceId(long id) {
        return jdbc.queryForObject("SELECT process_instance_id FROM bs_action_item WHERE id = ?", String.class, id);
    }

    void ticketOpened(long id, String system, String key, String url) {
        jdbc.update("UPDATE bs_action_item SET ticket_system = ?, ticket_key = ?, ticket_url = ? WHERE id = ?",
                system, key, url, id);
    }

    /** True when this call closed the item; false when it was done already. */
    boolean markDone(long id, String by, Instant at) {
        return jdbc.update("UPDATE bs_action_item SET status = ?, closed_by = ?, closed_at = ? WHERE id = ? AND status = ?",
                ActionItem.DONE, by, Timestamp.from(at), id, ActionItem.OPEN) == 1;
    }

    Optional<ActionItem> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_action_item WHERE id = ?", this::item, id).stream().findFirst();
    }

    Optional<ActionItem> findByTicket(String system, String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_action_item WHERE ticket_system = ? AND ticket_key = ?",
                this::item, system, key).stream().findFirst();
    }

    List<ActionItem> ofIncident(String incidentKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_action_item WHERE incident_key = ? ORDER BY id", this::item,
                incidentKey);
    }

    /** Items by status ({@code open}, {@code done}, or {@code null} for both), of one incident or all, oldest due first. */
    List<ActionItem> list(String status, String incidentKey) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM bs_action_item WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            arguments.add(status);
        }
        if (incidentKey != null) {
            sql.append(" AND incident_key = ?");
            arguments.add(incidentKey);
        }
        sql.append(" ORDER BY due_on, id FETCH FIRST ").append(LIMIT).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), this::item, arguments.toArray());
    }

    /** When an item due on {@code dueOn} falls due: its day, at the team's due time, in the team's zone. */
    ZonedDateTime dueAt(LocalDate dueOn) {
        return dueOn.atTime(properties.dueTime()).atZone(properties.zone());
    }

    private ActionItem item(ResultSet rs, int row) throws SQLException {
        LocalDate dueOn = rs.getDate("due_on").toLocalDate();
        String status = rs.getString("status");
        boolean overdue = ActionItem.OPEN.equals(status) && clock.instant().isAfter(dueAt(dueOn).toInstant());
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new ActionItem(rs.getLong("id"), rs.getString("incident_key"), rs.getString("title"), rs.getString("kind"),
                rs.getString("owner"), dueOn, status, overdue, rs.getString("ticket_system"), rs.getString("ticket_key"),
                rs.getString("ticket_url"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("closed_by"), closedAt == null ? null : closedAt.toInstant());
    }
}
