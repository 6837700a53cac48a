package org.blackstart.app.postmortem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code postmortemWritten}: the step after the write task. A delegate, not an expression: the engine hands its
 * refusal on unwrapped, so the REST API and Tasklist answer 400 with the reason, and the completion is undone.
 */
@Component("postmortemWritten")
class PostmortemWritten implements JavaDelegate {

    private final PostmortemTasks tasks;

    PostmortemWritten(PostmortemTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tasks.written(execution);
    }
}
