package org.blackstart.app.keytimes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentProblem;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's key times in {@code bs_key_time}, append-only: the latest row per name is the time in force, the
 * earlier ones say who changed it and why. Steps set them as they complete ({@link KeyTimeSteps}); commanders
 * correct them, because the impact often started before the first alert said so.
 */
@Service
public class KeyTimes {

    public static final String IMPACT_STARTED = "impact_started";
    public static final String DETECTED = "detected";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String MITIGATED = "mitigated";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";
    /** In the order an incident reaches them. */
    public static final List<String> NAMES = List.of(IMPACT_STARTED, DETECTED, ACKNOWLEDGED, MITIGATED, RESOLVED, CLOSED);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IncidentRepository incidents;
    private final Timeline timeline;

    private final SearchOutbox outbox;

    KeyTimes(JdbcTemplate jdbc, Clock clock, IncidentRepository incidents, Timeline timeline) {
        this(jdbc, clock, incidents, timeline, SearchOutbox.none());
    }

    @Autowired
    KeyTimes(JdbcTemplate jdbc, Clock clock, IncidentRepository incidents, Timeline timeline, SearchOutbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.incidents = incidents;
        this.timeline = timeline;
    }

    /** The key times in force, in the order an incident reaches them; a time not reached yet is absent. */
    public Map<String, Instant> current(String incidentKey) {
        Map<String, Instant> times = new LinkedHashMap<>();
        inForce(incidentKey).forEach((name, time) -> times.put(name, time.at()));
        return times;
    }

    /** The key times in force with who set them and why, in the order an incident reaches them. */
    public Map<String, KeyTime> inForce(String incidentKey) {
        Map<String, KeyTime> latest = new LinkedHashMap<>();
        for (KeyTimeChange change : history(incidentKey)) {
            latest.put(change.name(), new KeyTime(change.at(), change.setBy(), change.reason()));
        }
        Map<String, KeyTime> ordered = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (latest.containsKey(name)) {
                ordered.put(name, latest.get(name));
            }
        }
        return ordered;
    }

    /** Every row, oldest first: the steps' times and each correction. */
    public List<KeyTimeChange> history(String incidentKey) {
        return jdbc.query("SELECT id, name, at_time, set_by, reason, recorded_at FROM bs_key_time WHERE incident_key = ? "
                        + "ORDER BY id",
                (rs, n) -> new KeyTimeChange(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("at_time").toInstant(),
                        rs.getString("set_by"), rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant()),
                incidentKey);
    }

    /** Whether the incident has reached {@code name} (a row exists, whoever wrote it). */
    boolean has(String incidentKey, String name) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM bs_key_time WHERE incident_key = ? AND name = ?",
                Integer.class, incidentKey, name);
        return rows != null && rows > 0;
    }

    /** A step set the time: in the step's transaction, without a timeline line (the step has its own). */
    void record(String incidentKey, String name, Instant at, String setBy, String reason) {
        jdbc.update("INSERT INTO bs_key_time (incident_key, name, at_time, set_by, reason, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", incidentKey, name, Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)),
                truncate(setBy, 128), truncate(reason, 500), Timestamp.from(clock.instant()));
        outbox.changed(DocType.INCIDENT, incidentKey); // its document carries the key times in force
    }

    /**
     * A commander corrects a key time, with the reason; the timeline says so.
     *
     * @return the key times in force afterwards
     * @throws IncidentNotFoundException when there is no such incident
     * @throws IncidentProblem           (400) for an unknown name, a blank reason or a time in the future
     */
    @Transactional
    public Map<String, KeyTime> correct(String incidentKey, String name, Instant at, String reason, String user) {
        incidents.find(incidentKey).orElseThrow(() -> new IncidentNotFoundException(incidentKey));
        if (!NAMES.contains(name)) {
            throw IncidentProblem.invalid("unknown key time '" + name + "'; known are " + String.join(", ", NAMES));
        }
        if (reason == null || reason.isBlank()) {
            throw IncidentProblem.invalid("reason is required: say why the time is corrected");
        }
        if (at.isAfter(clock.instant())) {
            throw IncidentProblem.invalid("at " + at + " is in the future; a key time is when something happened");
        }
        String why = reason.strip();
        record(incidentKey, name, at, user, why);
        timeline.record(incidentKey, TimelineKind.KEY_TIME, null, null, user,
                label(name) + " set to " + SHOWN.format(at) + " by " + user + ": " + why);
        return inForce(incidentKey);
    }

    /** {@code impact_started} as people say it: "impact started". */
    static String label(String name) {
        return name.replace('_', ' ');
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
