package org.blackstart.app.statuspage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the status page shows: incidents, their updates, and maintenance windows, as recorded. */
@Repository
public class StatusStore {

    /**
     * An incident as the public sees it.
     *
     * @param impact          the state its components show by its severity
     * @param componentStates the states the commander chose for some of its components instead
     */
    public record Incident(String key, String title, String phase, ComponentState impact, List<String> components,
                           Instant startedAt, Instant updatedAt, Instant resolvedAt,
                           Map<String, ComponentState> componentStates) {

        public Incident {
            componentStates = componentStates == null ? Map.of() : Map.copyOf(componentStates);
        }

        public Incident(String key, String title, String phase, ComponentState impact, List<String> components,
                        Instant startedAt, Instant updatedAt, Instant resolvedAt) {
            this(key, title, phase, impact, components, startedAt, updatedAt, resolvedAt, Map.of());
        }

        /** What the component shows because of this incident: the commander's choice, else the severity's. */
        public ComponentState impactOn(String component) {
            return componentStates.getOrDefault(component, impact);
        }

        /** The worst its components show; what the incident is labelled with and adds to the page's banner. */
        public ComponentState worstImpact() {
            if (components.isEmpty()) {
                return impact;
            }
            ComponentState worst = impactOn(components.get(0));
            for (String component : components) {
                worst = worst.worse(impactOn(component));
            }
            return worst;
        }

        public boolean active() {
            return resolvedAt == null;
        }

        /**
         * What the component shows now: once customers are told the fix is being monitored, it is recovering;
         * {@link #impactOn} keeps the worst the incident did to it, for the history bars.
         */
        public ComponentState nowOn(String component) {
            return monitoring() ? ComponentState.RECOVERING : impactOn(component);
        }

        /** The worst its components show now: what an active incident is labelled with and adds to the banner. */
        public ComponentState worstNow() {
            return monitoring() ? ComponentState.RECOVERING : worstImpact();
        }

        private boolean monitoring() {
            return "monitoring".equals(phase);
        }

        /** True when the incident touched the span [from, to). */
        public boolean overlaps(Instant from, Instant to) {
            return startedAt.isBefore(to) && (resolvedAt == null || !resolvedAt.isBefore(from));
        }
    }

    /** One posted update of an incident or a maintenance window. */
    public record Update(String eventKey, String step, String phase, String body, Instant postedAt) {
    }

    /** A maintenance window as the public sees it; start and end in the offset it was announced in. */
    public record Maintenance(String key, String title, List<String> components, OffsetDateTime windowStart,
                              OffsetDateTime windowEnd, String advice, String state, Instant updatedAt) {

        public boolean upcoming() {
            return "scheduled".equals(state);
        }

        public boolean inProgress() {
            return "in-progress".equals(state);
        }

        public boolean overlaps(Instant from, Instant to) {
            return !"cancelled".equals(state) && windowStart.toInstant().isBefore(to) && !windowEnd.toInstant().isBefore(from);
        }
    }

    private static final String INCIDENT_COLUMNS =
            "incident_key, title, phase, impact, components, started_at, updated_at, resolved_at";
    private static final String MAINTENANCE_COLUMNS =
            "maintenance_key, title, components, window_start, window_end, zone_offset, advice, state, updated_at";

    private final JdbcTemplate jdbc;

    public StatusStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the incident's state after an update: {@code resolved} closes it, and so does {@code postmortem} (the
     * customer report comes after the end and must not bring the outage back on the page, keeping when it ended);
     * any other phase (re)opens it.
     */
    public void saveIncident(String key, String title, String phase, ComponentState impact, List<String> components,
                             Instant now) {
        boolean resolved = "resolved".equals(phase) || "postmortem".equals(phase);
        OffsetDateTime at = utc(now);
        int updated = jdbc.update("UPDATE bs_status_incident SET title = ?, phase = ?, impact = ?, components = ?, "
                        + "updated_at = ?, resolved_at = " + (resolved ? "COALESCE(resolved_at, ?)" : "?") + " WHERE incident_key = ?",
                title, phase, impact.code(), String.join(",", components), at, resolved ? at : null, key);
        if (updated == 0) {
            jdbc.update("INSERT INTO bs_status_incident (" + INCIDENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    key, title, phase, impact.code(), String.join(",", components), at, at, resolved ? at : null);
        }
    }

    /**
     * Records an update; one per (event, step). Posting the same step again replaces its words (an agent's
     * approved text replaces the platform's own first line) and keeps its time.
     */
    public void saveUpdate(String eventKey, String step, String phase, String body, Instant now) {
        String words = body.length() > 8000 ? body.substring(0, 7999) + "…" : body;
        String sql = "UPDATE bs_status_update SET phase = ?, body = ? WHERE event_key = ? AND step = ?";
        if (jdbc.update(sql, phase, words, eventKey, step) == 0) {
            try {
                jdbc.update("INSERT INTO bs_status_update (event_key, step, phase, body, posted_at) VALUES (?, ?, ?, ?, ?)",
                        eventKey, step, phase, words, utc(now));
            } catch (DuplicateKeyException postedMeanwhile) {
                jdbc.update(sql, phase, words, eventKey, step);
            }
        }
    }

    /**
     * After a re-triage: an incident still open on the page shows the components of its services now,
     * in the state of its severity now. Its phase and updates stay as they were posted.
     *
     * @return false when the incident is not (or no longer) open on the status page
     */
    public boolean retriage(String key, ComponentState impact, List<String> components, Instant now) {
        return jdbc.update("UPDATE bs_status_incident SET impact = ?, components = ?, updated_at = ? "
                + "WHERE incident_key = ? AND resolved_at IS NULL", impact.code(), String.join(",", components), utc(now), key) > 0;
    }

    /** The commander's choice for one component of an incident; it outlasts later notices. */
    public void saveComponentState(String key, String component, ComponentState state, String setBy, Instant now) {
        String sql = "UPDATE bs_status_component_state SET state = ?, set_by = ?, set_at = ? WHERE incident_key = ? AND component = ?";
        if (jdbc.update(sql, state.code(), setBy, utc(now), key, component) == 0) {
            try {
                jdbc.update("INSERT INTO bs_status_component_state (incident_key, component, state, set_by, set_at) "
                        + "VALUES (?, ?, ?, ?, ?)", key, component, state.code(), setBy, utc(now));
            } catch (DuplicateKeyException setMeanwhile) {
                jdbc.update(sql, state.code(), setBy, utc(now), key, component);
            }
        }
    }

    /** The states the commander chose for the incident's components, by component. */
    public Map<String, ComponentState> componentStates(String key) {
        Map<String, ComponentState> states = new HashMap<>();
        jdbc.query("SELECT component, state FROM bs_status_component_state WHERE incident_key = ?",
                rs -> {
                    states.put(rs.getString("component"), ComponentState.ofCode(rs.getString("state")));
                }, key);
        return states;
    }

    public Optional<Incident> incident(String key) {
        return withComponentStates(jdbc.query("SELECT " + INCIDENT_COLUMNS + " FROM bs_status_incident WHERE incident_key = ?",
                StatusStore::incident, key)).stream().findFirst();
    }

    /** Active incidents, and the others that touched the time since {@code since}, newest first. */
    public List<Incident> incidentsSince(Instant since) {
        return withComponentStates(jdbc.query("SELECT " + INCIDENT_COLUMNS + " FROM bs_status_incident WHERE resolved_at IS NULL "
                + "OR resolved_at >= ? ORDER BY started_at DESC", StatusStore::incident, utc(since)));
    }

    private List<Incident> withComponentStates(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return incidents;
        }
        Map<String, Map<String, ComponentState>> chosen = new HashMap<>();
        String marks = String.join(", ", Collections.nCopies(incidents.size(), "?"));
        jdbc.query("SELECT incident_key, component, state FROM bs_status_component_state WHERE incident_key IN (" + marks + ")",
                rs -> {
                    chosen.computeIfAbsent(rs.getString("incident_key"), k -> new HashMap<>())
                            .put(rs.getString("component"), ComponentState.ofCode(rs.getString("state")));
                }, incidents.stream().map(Incident::key).toArray());
        if (chosen.isEmpty()) {
            return incidents;
        }
        return incidents.stream().map(i -> chosen.containsKey(i.key())
                ? new Incident(i.key(), i.title(), i.phase(), i.impact(), i.components(), i.startedAt(), i.updatedAt(),
                        i.resolvedAt(), chosen.get(i.key()))
                : i).toList();
    }

    public Optional<Maintenance> maintenance(String key) {
        return jdbc.query("SELECT " + MAINTENANCE_COLUMNS + " FROM bs_maintenance WHERE maintenance_key = ?",
                StatusStore::maintenance, key).stream().findFirst();
    }

    /** Windows not yet over, and those that ended since {@code since}, by start. */
    public List<Maintenance> maintenanceSince(Instant since) {
        return jdbc.query("SELECT " + MAINTENANCE_COLUMNS + " FROM bs_maintenance WHERE window_end >= ? "
                + "OR state IN ('scheduled', 'in-progress') ORDER BY window_start", StatusStore::maintenance, utc(since));
    }

    public List<Update> updates(String eventKey) {
        return jdbc.query("SELECT event_key, step, phase, body, posted_at FROM bs_status_update WHERE event_key = ? "
                + "ORDER BY posted_at DESC, id DESC", StatusStore::update, eventKey);
    }

    /** The newest updates of every incident and window, for the feed. */
    public List<Update> latestUpdates(int limit) {
        return jdbc.query("SELECT event_key, step, phase, body, posted_at FROM bs_status_update "
                + "ORDER BY posted_at DESC, id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", StatusStore::update);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static List<String> ids(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Incident incident(ResultSet rs, int row) throws SQLException {
        return new Incident(rs.getString("incident_key"), rs.getString("title"), rs.getString("phase"),
                ComponentState.ofCode(rs.getString("impact")), ids(rs.getString("components")),
                instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "resolved_at"));
    }

    private static Maintenance maintenance(ResultSet rs, int row) throws SQLException {
        ZoneOffset offset = ZoneOffset.of(rs.getString("zone_offset"));
        return new Maintenance(rs.getString("maintenance_key"), rs.getString("title"), ids(rs.getString("components")),
                instant(rs, "window_start").atOffset(offset), instant(rs, "window_end").atOffset(offset),
                rs.getString("advice"), rs.getString("state"), instant(rs, "updated_at"));
    }

    private static Update update(ResultSet rs, int row) throws SQLException {
        return new Update(rs.getString("event_key"), rs.getString("step"), rs.getString("phase"), rs.getString("body"),
                instant(rs, "posted_at"));
    }
}
