package org.blackstart.app.console;

import java.time.Instant;
import java.util.Date;
import org.blackstart.app.incident.IncidentRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Until when a monitoring incident is watched, for its commander: Resolve set it on the incident's process
 * ({@code monitoringUntil}); asked of the engine's runtime only while the incident is monitoring.
 */
@Component
class MonitoringReader {

    private final RuntimeService runtime;

    MonitoringReader(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** {@code null} unless the incident is monitoring. */
    IncidentDetails.Monitoring of(IncidentRecord incident) {
        if (!"monitoring".equals(incident.status()) || incident.processInstanceId() == null) {
            return null;
        }
        Object until = runtime.createVariableInstanceQuery().processInstanceIdIn(incident.processInstanceId())
                .variableName("monitoringUntil").list().stream().findFirst().map(v -> v.getValue()).orElse(null);
        return new IncidentDetails.Monitoring(until instanceof Date date ? date.toInstant() : null);
    }
}
