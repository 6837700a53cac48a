package org.blackstart.app.keytimes;

import java.sql.Timestamp;
import java.util.List;
import org.blackstart.app.incident.IncidentDeclared;
import org.blackstart.app.incident.IncidentStatusChanged;
import org.blackstart.app.incident.KeyTimeReached;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sets the key times as the incident's steps reach them, in the engine's transaction (the events are synchronous):
 * a key time exists exactly when the step that set it committed.
 */
@Component
class KeyTimeSteps {

    static final String SYSTEM = "system";

    private final KeyTimes keyTimes;
    private final JdbcTemplate jdbc;

    KeyTimeSteps(KeyTimes keyTimes, JdbcTemplate jdbc) {
        this.keyTimes = keyTimes;
        this.jdbc = jdbc;
    }

    /**
     * Detected when the first alert of the group that opened it was received, else when a person declared it; the
     * impact is taken to start then too, until a commander knows better.
     */
    @EventListener
    void declared(IncidentDeclared declared) {
        String key = declared.incidentKey();
        Timestamp firstAlert = declared.alertGroupId() == null ? null : first(jdbc.queryForList(
                "SELECT opened_at FROM bs_alert_group WHERE id = ?", Timestamp.class, declared.alertGroupId()));
        Timestamp at = firstAlert != null ? firstAlert : first(jdbc.queryForList(
                "SELECT declared_at FROM bs_incident WHERE incident_key = ?", Timestamp.class, key));
        if (at == null) {
            return;
        }
        String reason = firstAlert != null ? "first alert received" : "incident declared";
        keyTimes.record(key, KeyTimes.IMPACT_STARTED, at.toInstant(), SYSTEM, reason);
        keyTimes.record(key, KeyTimes.DETECTED, at.toInstant(), SYSTEM, reason);
    }

    /** Each time the step completes again (after a reopen), a new row: the latest is in force. */
    @EventListener
    void statusChanged(IncidentStatusChanged changed) {
        String name;
        String reason;
        switch (changed.status()) {
            case "mitigated" -> {
                name = KeyTimes.MITIGATED;
                reason = "Mitigate completed";
            }
            // monitoring follows Resolve; "resolved" is what Resolve set before monitoring existed
            case "monitoring", "resolved" -> {
                name = KeyTimes.RESOLVED;
                reason = "Resolve completed";
            }
            case "closed" -> {
                name = KeyTimes.CLOSED;
                reason = "incident closed";
            }
            default -> {
                return;
            }
        }
        keyTimes.record(changed.incidentKey(), name, changed.at(), changed.actor(), reason);
    }

    /** Only the first: the first answered page is when someone took the incident on. */
    @EventListener
    void reached(KeyTimeReached reached) {
        if (!KeyTimes.NAMES.contains(reached.name()) || keyTimes.has(reached.incidentKey(), reached.name())) {
            return;
        }
        keyTimes.record(reached.incidentKey(), reached.name(), reached.at(), reached.actor(),
                KeyTimes.ACKNOWLEDGED.equals(reached.name()) ? "page acknowledged" : "step reached");
    }

    private static <T> T first(List<T> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }
}
