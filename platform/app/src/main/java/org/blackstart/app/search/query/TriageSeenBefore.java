package org.blackstart.app.search.query;

import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.blackstart.app.incident.IncidentRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts "Seen before?" into the triage form: when the Triage task of an incident is created, its task-local variable
 * {@value #VARIABLE} gets one line per similar closed incident, which the form shows in a disabled field (a disabled
 * field is never submitted, and the task guard accepts no value for it).
 */
@Component
class TriageSeenBefore {

    static final String VARIABLE = "seenBefore";
    static final String TRIAGE = "Triage";
    static final String NOTHING = "No similar closed incident.";

    private final IncidentRepository incidents;
    private final SeenBefore seenBefore;

    TriageSeenBefore(IncidentRepository incidents, SeenBefore seenBefore) {
        this.incidents = incidents;
        this.seenBefore = seenBefore;
    }

    @EventListener
    public void on(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || !TRIAGE.equals(task.getTaskDefinitionKey())
                || task.getExecution() == null) {
            return;
        }
        String key = task.getExecution().getProcessBusinessKey();
        if (key == null) {
            return;
        }
        incidents.find(key).ifPresent(incident -> task.setVariableLocal(VARIABLE, text(seenBefore.of(incident))));
    }

    /** "INC-2026-0007 Storage array failover (SEV1, closed 2026-11-20) — postmortem: /incidents/INC-2026-0007/postmortem" */
    static String text(List<SeenBefore.Similar> similar) {
        if (similar.isEmpty()) {
            return NOTHING;
        }
        return similar.stream().map(s -> s.incidentKey() + " " + s.title() + " ("
                        + (s.severity() == null ? "" : s.severity() + ", ") + "closed "
                        + s.closedAt().atZone(ZoneOffset.UTC).toLocalDate() + ")"
                        + (s.postmortemUrl() == null ? "" : " — postmortem: " + s.postmortemUrl()))
                .collect(Collectors.joining("\n"));
    }
}
