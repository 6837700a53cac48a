package org.blackstart.app.postmortem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code postmortemReviewed}: the step after the review task. A delegate, not an expression: the engine hands its
 * refusal on unwrapped, so the REST API and Tasklist answer 400 with the reason, and the completion is undone.
 */
@Component("postmortemReviewed")
class PostmortemReviewed implements JavaDelegate {

    private final PostmortemTasks tasks;

    PostmortemReviewed(PostmortemTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tasks.reviewed(execution);
    }
}
