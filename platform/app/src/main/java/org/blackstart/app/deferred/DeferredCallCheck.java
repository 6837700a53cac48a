package org.blackstart.app.deferred;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * {@code deferredCallCheck}: a call about delayed work that reached the customer ends only with their decision,
 * {@code run} or {@code cancel}; one that did not reach them carries none. The form asks the same in the browser;
 * this holds for any caller of the engine's API, and a refused completion changes nothing.
 */
@Component("deferredCallCheck")
class DeferredCallCheck implements TaskListener {

    static final Set<String> REACHED = Set.of("reached", "reached-in-person");
    static final Set<String> OUTCOMES = Set.of("reached", "reached-in-person", "voicemail", "no-answer", "wrong-number");

    @Override
    public void notify(DelegateTask task) {
        problem(DelayedJobs.text(task, "callOutcome"), DelayedJobs.text(task, "callDecision")).ifPresent(problem -> {
            throw new FormFieldValidationException(problem.field(), problem.text());
        });
    }

    record Problem(String field, String text) {
    }

    /** What is wrong with a call's outcome and decision, if anything. */
    static Optional<Problem> problem(String outcome, String decision) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            return Optional.of(new Problem("callOutcome", "choose how the call went: one of "
                    + String.join(", ", OUTCOMES.stream().sorted().toList()) + "; nothing was changed"));
        }
        boolean decided = decision != null && !decision.isBlank();
        if (REACHED.contains(outcome) && !(DelayedJobs.RUN.equals(decision) || DelayedJobs.CANCEL.equals(decision))) {
            return Optional.of(new Problem("callDecision", "the call reached the customer: record their decision, "
                    + "run or cancel; nothing was changed"));
        }
        if (!REACHED.contains(outcome) && decided) {
            return Optional.of(new Problem("callDecision", "a call that did not reach the customer carries no "
                    + "decision of theirs; nothing was changed"));
        }
        return Optional.empty();
    }
}
