package org.blackstart.app.incident;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code monitoringPeriod} in BPMN: until when a resolved incident is watched, from the moment Resolve completes,
 * by the incident's severity ({@code blackstart.incidents.monitoring}). The engine's clock, so that process tests
 * moving it see the period they expect.
 */
@Component("monitoringPeriod")
public class MonitoringPeriod {

    private final MonitoringProperties properties;

    public MonitoringPeriod(MonitoringProperties properties) {
        this.properties = properties;
    }

    /** The end of the watch, a date the monitoring timer and the resolved notice read ({@code monitoringUntil}). */
    public Date until(DelegateExecution execution) {
        Object severity = execution.getVariable("severity");
        return new Date(ClockUtil.getCurrentTime().getTime()
                + properties.periodOf(severity == null ? null : severity.toString()).toMillis());
    }
}
