package org.blackstart.app.runbook;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The four-eyes rule, on the engine's side. A step marked {@code blackstart.fourEyes = true} records, when it is
 * completed, who completed it ({@value #DONE_BY}, from the engine's authentication, never from a form); the approval
 * task of the {@code four-eyes} process (marked {@code blackstart.fourEyes.approval = true}) refuses that person as
 * its assignee, so they cannot claim it or be handed it. Its completion is checked by {@link FourEyesApproval}.
 * A refusal throws before anything is stored, so the engine rolls the call back and nothing changes.
 */
final class FourEyes {

    static final String DONE_BY = "fourEyesDoneBy";
    static final String VERDICT = "fourEyesVerdict";
    static final String REASON = "fourEyesReason";
    static final String SYSTEM = "system";

    private FourEyes() {
    }

    /** Completion of the step that needs a second person's approval. */
    static void stepDone(DelegateTask task) {
        task.getExecution().getProcessInstance().setVariable(DONE_BY, userOf(task));
    }

    static String refusedApprover(String doneBy) {
        return doneBy + " completed the step this approval is for; a second person approves it";
    }

    /** Claim or assignment of the approval. */
    static void assigned(DelegateTask task) {
        String doneBy = doneBy(task);
        if (doneBy != null && doneBy.equals(task.getAssignee())) {
            throw new FormFieldValidationException(VERDICT, refusedApprover(doneBy));
        }
    }

    private static String doneBy(DelegateTask task) {
        Object doneBy = task.getVariable(DONE_BY);
        return doneBy == null ? null : doneBy.toString();
    }

    /** Who acts: the authenticated caller; without one (the engine itself, a test) the task's assignee. */
    static String userOf(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
    }
}
