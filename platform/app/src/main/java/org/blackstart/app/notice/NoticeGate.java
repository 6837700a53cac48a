package org.blackstart.app.notice;

import org.blackstart.app.incident.IncidentKeys;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.incident.Severity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code noticeGate} in BPMN: whether a notice waits for the commander's approval. Decided by the
 * incident's record, which only the incident's own process (its triage) changes, and not by the
 * notice's variables, which whoever completes a notice task could otherwise overwrite. Notices that
 * belong to no incident (a maintenance announcement) need no approval; an incident without a record
 * is treated as the worst case. A postmortem's customer report always waits for the commander: it is
 * the company's account of what went wrong, whatever the severity. That is read from the process that
 * called the notice, which no form can change.
 */
@Component("noticeGate")
public class NoticeGate {

    private static final String POSTMORTEM = "postmortem";

    private final IncidentRepository incidents;

    public NoticeGate(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    public boolean needsApproval(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (calledBy(execution, POSTMORTEM)) {
            return true;
        }
        if (!IncidentKeys.looksLikeKey(key)) {
            return false;
        }
        return incidents.find(key).map(IncidentRecord::severity).map(s -> Severity.SEV1.name().equals(s)).orElse(true);
    }

    private static boolean calledBy(DelegateExecution execution, String processKey) {
        DelegateExecution instance = execution.getProcessInstance();
        DelegateExecution caller = instance == null ? null : instance.getSuperExecution();
        return caller != null && caller.getProcessDefinitionId() != null
                && caller.getProcessDefinitionId().startsWith(processKey + ":");
    }
}
