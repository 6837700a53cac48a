package org.blackstart.app.tasks;

import java.time.Instant;
import java.util.Date;
import org.blackstart.app.incident.Severity;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Gives an incident's tasks the priority and due date of its severity. A due date is Blackstart's when
 * the task-local variable {@value #DUE_VARIABLE} still holds it; one a person set in Tasklist is theirs and stays.
 */
final class OpenTasks {

    /** The due date Blackstart gave a task, so a later re-triage knows whether it may move it. */
    static final String DUE_VARIABLE = "blackstartDue";
    /** The task's due-time kind ({@code blackstart.due} in the BPMN), kept so that a re-triage re-dates it by kind. */
    public static final String DUE_KIND_VARIABLE = "blackstartDueKind";

    private final TaskDueProperties due;

    OpenTasks(TaskDueProperties due) {
        this.due = due;
    }

    int priorityOf(Severity severity) {
        return TaskPriorities.of(severity);
    }

    Date dueFrom(Instant start, Severity severity) {
        return Date.from(start.plus(due.dueAfter(severity)));
    }

    Date dueFrom(Instant start, String kind, Severity severity) {
        return Date.from(start.plus(due.dueAfter(kind, severity)));
    }

    /**
     * Re-prioritises every open task of the incident (called processes share its business key) whose
     * priority is not yet the severity's, and re-dates it from {@code now} if its due date was ours.
     * Runs in the caller's command, without authorization checks: a re-triage moves tasks its author
     * may not see, such as an agent's notice review.
     *
     * @return how many tasks changed
     */
    int reprioritise(TaskService tasks, String incidentKey, Severity severity, String exceptTaskId, Instant now) {
        int priority = priorityOf(severity);
        int changed = 0;
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(incidentKey).active().list()) {
            if (task.getId().equals(exceptTaskId) || task.getPriority() == priority) {
                continue;
            }
            task.setPriority(priority);
            if (isOurs(tasks.getVariableLocal(task.getId(), DUE_VARIABLE), task.getDueDate())) {
                Object kind = tasks.getVariableLocal(task.getId(), DUE_KIND_VARIABLE);
                Date dueDate = dueFrom(now, kind == null ? null : kind.toString(), severity);
                task.setDueDate(dueDate);
                tasks.setVariableLocal(task.getId(), DUE_VARIABLE, dueDate);
            }
            tasks.saveTask(task);
            changed++;
        }
        return changed;
    }

    /** Some databases keep timestamps to the second; the variable keeps milliseconds. */
    static boolean isOurs(Object recorded, Date dueDate) {
        return recorded instanceof Date ours && dueDate != null && Math.abs(ours.getTime() - dueDate.getTime()) < 1000;
    }
}
