package org.blackstart.app.deferred;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.blackstart.app.taskguard.CompletionCheck;
import org.blackstart.spi.DeferredJobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The checks of {@link DeferredWorkReview} and {@link DeferredCallCheck}, asked by the task guard before the engine
 * sees a completion, so that a typo in the changes or a call without the customer's decision is answered 400 and
 * changes nothing. A value not sent is the one the task already holds, as the engine would read it.
 */
@Component
class DeferredWorkChecks implements CompletionCheck {

    static final String REVIEW_TASK = "ReviewDelayedJobs";
    static final String CALL_TASK = "CallAboutDelayedWork";

    private final ProcessEngine engine;

    DeferredWorkChecks(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<String> refusal(String taskId, JsonNode variables) {
        TaskService tasks = engine.getTaskService();
        // Under the caller's authorizations: a task they may not see is theirs to be refused by the engine.
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !(REVIEW_TASK.equals(task.getTaskDefinitionKey()) || CALL_TASK.equals(task.getTaskDefinitionKey()))) {
            return Optional.empty();
        }
        if (REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
            try {
                DeferredWorkReview.parse(value(tasks, taskId, variables, DeferredWorkReview.OVERRIDES),
                        DelayedJobs.decode(tasks.getVariable(taskId, DeferredJobs.Results.JOBS)).keySet());
                return Optional.empty();
            } catch (FormFieldValidationException refused) {
                return Optional.of(refused.getMessage());
            }
        }
        return DeferredCallCheck.problem(value(tasks, taskId, variables, "callOutcome"),
                value(tasks, taskId, variables, "callDecision")).map(DeferredCallCheck.Problem::text);
    }

    private static String value(TaskService tasks, String taskId, JsonNode variables, String name) {
        JsonNode sent = variables.path(name);
        if (!sent.isMissingNode()) {
            JsonNode value = sent.path("value");
            return value.isMissingNode() || value.isNull() ? null : value.asText();
        }
        Object held = tasks.getVariable(taskId, name);
        return held == null ? null : held.toString();
    }
}
