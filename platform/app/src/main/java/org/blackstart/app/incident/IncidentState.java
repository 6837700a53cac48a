package org.blackstart.app.incident;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code incidentState} in BPMN: what the incident's record says, for decisions a variable must not
 * make. A task's candidate could once send {@code incidentResolved=true} with any completion and so
 * stop the customer update reminders; the record's status changes only as the incident's own steps
 * (Resolve, the end) complete. Monitoring counts as resolved (no reminders while the fix is watched);
 * reopened does not. {@code resolved} is the status of incidents resolved before monitoring existed.
 */
@Component("incidentState")
public class IncidentState {

    private static final Set<String> RESOLVED = Set.of("monitoring", "resolved", "closed", "cancelled");

    private final IncidentRepository incidents;

    public IncidentState(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    public boolean resolved(DelegateExecution execution) {
        return incidents.find(execution.getProcessBusinessKey()).map(i -> RESOLVED.contains(i.status())).orElse(false);
    }
}
