package org.blackstart.app.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * A task with a due-time kind was completed or cancelled: the commander's "Overdue" task for it (overdue-task.bpmn)
 * has nothing left to decide and ends by itself. Runs in the engine's transaction, without authorization checks:
 * whoever completed the task need not be allowed to see the commander's task.
 */
final class OverdueSettle {

    static final String MESSAGE = "OverdueTaskSettled";
    static final String TASK_VARIABLE = "overdueTaskId";

    private OverdueSettle() {
    }

    static void settled(DelegateTask task) {
        Context.getCommandContext().runWithoutAuthorization(() -> {
            task.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE)
                    .processInstanceVariableEquals(TASK_VARIABLE, task.getId()).correlateAll();
            return null;
        });
    }
}
