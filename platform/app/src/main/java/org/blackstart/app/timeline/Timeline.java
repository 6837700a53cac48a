package org.blackstart.app.timeline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The incident timeline, in the database. Written in the transaction of whatever it records (the
 * engine's, the ledger's), so the timeline never claims a step that was rolled back.
 */
@Repository
public class Timeline {

    private static final String COLUMNS = "id, incident_key, occurred_at, kind, step, step_name, actor, detail, "
            + "pinned_by, pinned_at, visibility";

    /** {@code bs_timeline.visibility}: everyone who reads the incident. */
    public static final String VISIBLE_TO_ALL = TimelineEntry.ALL;
    /** {@code bs_timeline.visibility}: a commander's private note, for commanders and platform admins only. */
    public static final String VISIBLE_TO_COMMANDERS = TimelineEntry.COMMANDERS;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SearchOutbox outbox;

    public Timeline(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, SearchOutbox.none());
    }

    @Autowired
    public Timeline(JdbcTemplate jdbc, Clock clock, SearchOutbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
    }

    public void record(String incidentKey, TimelineKind kind, String step, String stepName, String actor, String detail) {
        insert(incidentKey, Timestamp.from(clock.instant()), kind, step, truncate(stepName, 255), truncate(actor, 128),
                truncate(detail, 2000), VISIBLE_TO_ALL);
    }

    /** Records an entry and returns it as it was stored, for an API that answers with what it wrote. */
    public TimelineEntry add(String incidentKey, TimelineKind kind, String actor, String detail) {
        return add(incidentKey, kind, actor, detail, VISIBLE_TO_ALL);
    }

    /**
     * {@link #add(String, TimelineKind, String, String)} with who may read it: {@link #VISIBLE_TO_ALL} or
     * {@link #VISIBLE_TO_COMMANDERS}.
     */
    public TimelineEntry add(String incidentKey, TimelineKind kind, String actor, String detail, String visibility) {
        if (!VISIBLE_TO_ALL.equals(visibility) && !VISIBLE_TO_COMMANDERS.equals(visibility)) {
            throw new IllegalArgumentException("visibility must be 'all' or 'commanders', was '" + visibility + "'");
        }
        // as precise as the column keeps it, so the answer and a later read agree
        Timestamp at = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        String storedActor = truncate(actor, 128);
        String storedDetail = truncate(detail, 2000);
        long id = insert(incidentKey, at, kind, null, null, storedActor, storedDetail, visibility);
        return new TimelineEntry(id, incidentKey, at.toInstant(), kind, null, null, storedActor, storedDetail, null, null,
                visibility);
    }

    /** The row, and its outbox row for search, in the caller's transaction. */
    private long insert(String incidentKey, Timestamp at, TimelineKind kind, String step, String stepName, String actor,
                        String detail, String visibility) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO bs_timeline (incident_key, occurred_at, "
                    + "kind, step, step_name, actor, detail, visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, incidentKey);
            insert.setTimestamp(2, at);
            insert.setString(3, kind.name());
            insert.setString(4, step);
            insert.setString(5, stepName);
            insert.setString(6, actor);
            insert.setString(7, detail);
            insert.setString(8, visibility);
            return insert;
        }, keys);
        long id = keys.getKey().longValue();
        outbox.changed(DocType.TIMELINE, String.valueOf(id));
        return id;
    }

    public List<TimelineEntry> of(String incidentKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_timeline WHERE incident_key = ? ORDER BY id", Timeline::entry,
                incidentKey);
    }

    /** The entry, when it belongs to that incident. */
    public Optional<TimelineEntry> find(String incidentKey, long entryId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_timeline WHERE id = ? AND incident_key = ?", Timeline::entry,
                entryId, incidentKey).stream().findFirst();
    }

    /**
     * Pins an entry for the postmortem, or unpins it ({@code by} null). Pinning a pinned entry keeps who pinned it
     * first and when, so a second click does not rewrite the record.
     *
     * @return the entry as it now is, empty when the incident has no such entry
     */
    public Optional<TimelineEntry> pin(String incidentKey, long entryId, String by) {
        if (by == null) {
            jdbc.update("UPDATE bs_timeline SET pinned_by = NULL, pinned_at = NULL WHERE id = ? AND incident_key = ?",
                    entryId, incidentKey);
        } else {
            jdbc.update("UPDATE bs_timeline SET pinned_by = ?, pinned_at = ? WHERE id = ? AND incident_key = ? "
                            + "AND pinned_by IS NULL", truncate(by, 128),
                    Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), entryId, incidentKey);
        }
        outbox.changed(DocType.TIMELINE, String.valueOf(entryId));
        return find(incidentKey, entryId);
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp pinnedAt = rs.getTimestamp("pinned_at");
        return new TimelineEntry(rs.getLong("id"), rs.getString("incident_key"), rs.getTimestamp("occurred_at").toInstant(),
                TimelineKind.valueOf(rs.getString("kind")), rs.getString("step"), rs.getString("step_name"),
                rs.getString("actor"), rs.getString("detail"), rs.getString("pinned_by"),
                pinnedAt == null ? null : pinnedAt.toInstant(), rs.getString("visibility"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
