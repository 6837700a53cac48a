package org.blackstart.app.tasks;

import org.blackstart.app.incident.IncidentRetriaged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A re-triage through /api moves the incident's open tasks to the priority of its severity as it now is. */
@Component
class TasksFollowRetriage {

    private final TaskUrgency urgency;

    TasksFollowRetriage(TaskUrgency urgency) {
        this.urgency = urgency;
    }

    @EventListener
    void retriaged(IncidentRetriaged event) {
        if (event.severity() != null) {
            urgency.severityChanged(event.incidentKey(), event.severity());
        }
    }
}
