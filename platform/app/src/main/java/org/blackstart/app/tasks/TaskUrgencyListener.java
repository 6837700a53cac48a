package org.blackstart.app.tasks;

import java.util.Optional;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.incident.IncidentService;
import org.blackstart.app.incident.Severity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs in the engine's transaction when a user task is created or completed. A task of an incident
 * (its process, or any process sharing its business key) takes the severity the incident record holds
 * at that moment; a triage that changes the severity moves the incident's other open tasks with it.
 * Tasks of processes without an incident (maintenance, parked vendor mail) are left as modelled.
 */
final class TaskUrgencyListener {

    private static final Logger LOG = LoggerFactory.getLogger(TaskUrgencyListener.class);

    private final IncidentRepository incidents;
    private final OpenTasks openTasks;

    TaskUrgencyListener(IncidentRepository incidents, OpenTasks openTasks) {
        this.incidents = incidents;
        this.openTasks = openTasks;
    }

    /** @param kind the task's {@code blackstart.due} kind, or null */
    void created(DelegateTask task, String kind) {
        Optional<IncidentRecord> incident = incidentOf(task);
        if (incident.isEmpty()) {
            return;
        }
        Severity severity = TaskPriorities.parse(incident.get().severity());
        if (severity == null && ownsIncident(task)) {
            severity = TaskPriorities.parse(text(task.getExecution(), "severity"));
        }
        task.setPriority(openTasks.priorityOf(severity));
        if (task.getDueDate() == null) {
            var dueDate = openTasks.dueFrom(task.getCreateTime().toInstant(), kind, severity);
            task.setDueDate(dueDate);
            task.setVariableLocal(OpenTasks.DUE_VARIABLE, dueDate);
        }
        if (kind != null) {
            task.setVariableLocal(OpenTasks.DUE_KIND_VARIABLE, kind);
        }
    }

    /**
     * The incident record takes the new severity only when the step has ended, after this: the record
     * still holds the old one, the completing task's variables the new.
     */
    void completed(DelegateTask task) {
        if (!ownsIncident(task)) {
            return;
        }
        Optional<IncidentRecord> incident = incidentOf(task);
        Severity now = TaskPriorities.parse(text(task.getExecution(), "severity"));
        if (incident.isEmpty() || now == null || now == TaskPriorities.parse(incident.get().severity())) {
            return;
        }
        String key = incident.get().key();
        int changed = Context.getCommandContext().runWithoutAuthorization(() -> openTasks.reprioritise(
                task.getProcessEngineServices().getTaskService(), key, now, task.getId(),
                ClockUtil.getCurrentTime().toInstant()));
        LOG.info("BLACKSTART-TASKS-001 incident {} triaged as {}: {} open task(s) re-prioritised", key, now, changed);
    }

    private Optional<IncidentRecord> incidentOf(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String key = execution == null ? null : execution.getProcessBusinessKey();
        return key == null || key.isBlank() ? Optional.empty() : incidents.find(key);
    }

    private static boolean ownsIncident(DelegateTask task) {
        String definition = task.getProcessDefinitionId();
        return definition != null && definition.startsWith(IncidentService.PROCESS_KEY + ":");
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution == null ? null : execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
