package org.blackstart.app.links;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentProblem;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between an incident and what it repeats, relates to or was caused by ({@code bs_incident_link}). Both
 * incidents' timelines tell of a link between incidents.
 */
@Service
public class IncidentLinks {

    public static final String RECURRENCE_OF = "recurrence-of";
    public static final String RELATED_TO = "related-to";
    public static final String CAUSED_BY = "caused-by";
    static final List<String> KINDS = List.of(RECURRENCE_OF, RELATED_TO, CAUSED_BY);
    static final String INCIDENT = "incident";
    static final String MAINTENANCE = "maintenance";
    static final String VENDOR_CHANGE = "vendor-change";
    static final List<String> TARGET_TYPES = List.of(INCIDENT, MAINTENANCE, VENDOR_CHANGE);
    /** Who made the links found by alert processing. */
    public static final String ALERTS = "alerts";

    private static final String COLUMNS = "id, incident_key, kind, target_type, target, note, created_by, created_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IncidentRepository incidents;
    private final Timeline timeline;

    IncidentLinks(JdbcTemplate jdbc, Clock clock, IncidentRepository incidents, Timeline timeline) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.incidents = incidents;
        this.timeline = timeline;
    }

    /** The incident's links and the links to it, oldest first. */
    public List<IncidentLink> of(String incidentKey) {
        List<IncidentLink> links = new ArrayList<>();
        jdbc.query("SELECT " + COLUMNS + " FROM bs_incident_link WHERE incident_key = ? OR (target_type = 'incident' "
                + "AND target = ?) ORDER BY id", rs -> {
                    links.add(view(rs, incidentKey));
                }, incidentKey, incidentKey);
        return links;
    }

    /**
     * @throws IncidentNotFoundException when there is no such incident
     * @throws IncidentProblem           400 for a bad kind or type, a link to itself or to something unknown; 409 for
     *                                   a link it already has
     */
    @Transactional
    public IncidentLink link(String incidentKey, String kind, String targetType, String target, String note, String user) {
        incidents.find(incidentKey).orElseThrow(() -> new IncidentNotFoundException(incidentKey));
        if (!KINDS.contains(kind)) {
            throw IncidentProblem.invalid("kind must be one of " + String.join(", ", KINDS) + ", was '" + kind + "'");
        }
        if (!TARGET_TYPES.contains(targetType)) {
            throw IncidentProblem.invalid("targetType must be one of " + String.join(", ", TARGET_TYPES) + ", was '"
                    + targetType + "'");
        }
        String to = target.strip();
        if (RECURRENCE_OF.equals(kind) && !INCIDENT.equals(targetType)) {
            throw IncidentProblem.invalid("a recurrence-of link names an earlier incident, not a " + targetType);
        }
        if (INCIDENT.equals(targetType)) {
            if (to.equals(incidentKey)) {
                throw IncidentProblem.invalid("an incident cannot be linked to itself");
            }
            if (incidents.find(to).isEmpty()) {
                throw IncidentProblem.invalid("no incident with key " + to);
            }
        } else if (MAINTENANCE.equals(targetType) && maintenanceTitle(to).isEmpty()) {
            throw IncidentProblem.invalid("no maintenance window with key " + to);
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        long id;
        try {
            id = insert(incidentKey, kind, targetType, to, text, user);
        } catch (DuplicateKeyException twice) {
            throw IncidentProblem.conflict("incident " + incidentKey + " is already linked " + kind + " " + to);
        }
        tell(incidentKey, kind, targetType, to, text, user);
        return find(incidentKey, id).orElseThrow();
    }

    /** Removes one of the incident's own links; the timelines keep that it existed. */
    @Transactional
    public boolean unlink(String incidentKey, long id, String user) {
        incidents.find(incidentKey).orElseThrow(() -> new IncidentNotFoundException(incidentKey));
        Optional<IncidentLink> link = find(incidentKey, id).filter(l -> "outgoing".equals(l.direction()));
        if (link.isEmpty()) {
            return false;
        }
        jdbc.update("DELETE FROM bs_incident_link WHERE id = ? AND incident_key = ?", id, incidentKey);
        IncidentLink removed = link.get();
        timeline.record(incidentKey, TimelineKind.LINK, null, null, user,
                "link removed: " + removed.kind() + " " + removed.target());
        if (INCIDENT.equals(removed.targetType())) {
            timeline.record(removed.target(), TimelineKind.LINK, null, null, user,
                    "link removed: " + incidentKey + " " + removed.kind() + " this incident");
        }
        return true;
    }

    /**
     * Alert processing found that {@code incidentKey} repeats {@code earlierKey}; in the processing transaction.
     * Quiet when the link exists already.
     */
    void linkRecurrence(String incidentKey, String earlierKey, String note) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM bs_incident_link WHERE incident_key = ? AND kind = ? "
                + "AND target_type = ? AND target = ?", Integer.class, incidentKey, RECURRENCE_OF, INCIDENT, earlierKey);
        if (existing != null && existing > 0) {
            return;
        }
        insert(incidentKey, RECURRENCE_OF, INCIDENT, earlierKey, note, ALERTS);
        tell(incidentKey, RECURRENCE_OF, INCIDENT, earlierKey, note, ALERTS);
    }

    private long insert(String incidentKey, String kind, String targetType, String target, String note, String user) {
        jdbc.update("INSERT INTO bs_incident_link (incident_key, kind, target_type, target, note, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", incidentKey, kind, targetType, target, note, user,
                Timestamp.from(clock.instant()));
        Long id = jdbc.queryForObject("SELECT id FROM bs_incident_link WHERE incident_key = ? AND kind = ? "
                + "AND target_type = ? AND target = ?", Long.class, incidentKey, kind, targetType, target);
        return id == null ? 0 : id;
    }

    private void tell(String incidentKey, String kind, String targetType, String target, String note, String user) {
        String title = INCIDENT.equals(targetType) ? incidents.find(target).map(IncidentRecord::title).orElse(null)
                : MAINTENANCE.equals(targetType) ? maintenanceTitle(target).orElse(null) : null;
        String about = kind.replace('-', ' ') + " " + target + (title == null ? "" : ": " + title);
        timeline.record(incidentKey, TimelineKind.LINK, null, null, user,
                "linked as " + about + (note == null ? "" : " (" + note + ")"));
        if (INCIDENT.equals(targetType)) {
            String ownTitle = incidents.find(incidentKey).map(IncidentRecord::title).orElse("");
            timeline.record(target, TimelineKind.LINK, null, null, user,
                    incidentKey + " (" + ownTitle + ") linked as " + kind.replace('-', ' ') + " this incident");
        }
    }

    private Optional<IncidentLink> find(String incidentKey, long id) {
        List<IncidentLink> found = new ArrayList<>();
        jdbc.query("SELECT " + COLUMNS + " FROM bs_incident_link WHERE id = ? AND (incident_key = ? "
                + "OR (target_type = 'incident' AND target = ?))", rs -> {
                    found.add(view(rs, incidentKey));
                }, id, incidentKey, incidentKey);
        return found.stream().findFirst();
    }

    private IncidentLink view(ResultSet rs, String seenFrom) throws SQLException {
        boolean outgoing = seenFrom.equals(rs.getString("incident_key"));
        String targetType = outgoing ? rs.getString("target_type") : INCIDENT;
        String other = outgoing ? rs.getString("target") : rs.getString("incident_key");
        String title = null;
        String status = null;
        String postmortemUrl = null;
        if (INCIDENT.equals(targetType)) {
            Optional<IncidentRecord> incident = incidents.find(other);
            title = incident.map(IncidentRecord::title).orElse(null);
            status = incident.map(IncidentRecord::status).orElse(null);
            Integer postmortems = jdbc.queryForObject("SELECT COUNT(*) FROM bs_postmortem WHERE incident_key = ?",
                    Integer.class, other);
            postmortemUrl = postmortems != null && postmortems > 0 ? "/incidents/" + other + "/postmortem" : null;
        } else if (MAINTENANCE.equals(targetType)) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT title, state FROM bs_maintenance "
                    + "WHERE maintenance_key = ?", other);
            if (!rows.isEmpty()) {
                title = (String) rows.get(0).get("title");
                status = String.valueOf(rows.get(0).get("state"));
            }
        }
        return new IncidentLink(rs.getLong("id"), rs.getString("kind"), outgoing ? "outgoing" : "incoming", targetType,
                other, title, status, postmortemUrl, rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private Optional<String> maintenanceTitle(String key) {
        return jdbc.queryForList("SELECT title FROM bs_maintenance WHERE maintenance_key = ?", String.class, key)
                .stream().findFirst();
    }
}
