package org.blackstart.app.links;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.blackstart.app.incident.IncidentDeclared;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When alerts open an incident, links it as a recurrence of the latest incident the same rule opened for the same
 * group (same labels) that closed within {@code blackstart.incidents.recurrence-window}: the commander sees at once
 * that this happened before, and that incident's postmortem. Runs in the processing transaction (the event is
 * published synchronously while the incident's process starts), so the link exists exactly when the incident does.
 */
@Component
class RecurrenceLinker {

    private static final Logger LOG = LoggerFactory.getLogger(RecurrenceLinker.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IncidentLinks links;
    private final RecurrenceProperties properties;

    RecurrenceLinker(JdbcTemplate jdbc, Clock clock, IncidentLinks links, RecurrenceProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.links = links;
        this.properties = properties;
    }

    @EventListener
    void declared(IncidentDeclared declared) {
        if (declared.alertGroupId() == null || properties.recurrenceWindow().isZero()) {
            return;
        }
        List<Map<String, Object>> group = jdbc.queryForList("SELECT rule_name, group_key FROM bs_alert_group WHERE id = ?",
                declared.alertGroupId());
        if (group.isEmpty()) {
            return;
        }
        String rule = (String) group.get(0).get("rule_name");
        String groupKey = (String) group.get(0).get("group_key");
        Timestamp since = Timestamp.from(clock.instant().minus(properties.recurrenceWindow()));
        List<String> earlier = jdbc.queryForList("SELECT i.incident_key FROM bs_incident i WHERE i.status = 'closed' "
                        + "AND i.closed_at >= ? AND i.incident_key <> ? AND EXISTS (SELECT 1 FROM bs_alert_group g "
                        + "WHERE g.incident_key = i.incident_key AND g.rule_name = ? AND g.group_key = ?) "
                        + "ORDER BY i.closed_at DESC FETCH FIRST 1 ROWS ONLY",
                String.class, since, declared.incidentKey(), rule, groupKey);
        if (earlier.isEmpty()) {
            return;
        }
        links.linkRecurrence(declared.incidentKey(), earlier.get(0), "alert rule " + rule + " fired again for the same "
                + "group after " + earlier.get(0) + " closed");
        LOG.info("BLACKSTART-LINKS-001 incident {} linked as a recurrence of {} (rule {})", declared.incidentKey(),
                earlier.get(0), rule);
    }
}
