package org.blackstart.app.runbook;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code fourEyesApproval} in four-eyes.bpmn: checks an approval in the completion's own transaction, right after the
 * approval task. The person who completed the step approves nothing of their own, a verdict is approve or refuse, and
 * a refusal says why. A delegate, not a task listener: the engine hands its exception on unwrapped, so the caller
 * reads the reason itself, and the completion is undone.
 */
@Component("fourEyesApproval")
class FourEyesApproval implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(FourEyesApproval.class);

    @Override
    public void execute(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String approver = authentication == null ? null : authentication.getUserId();
        Object doneBy = execution.getVariable(FourEyes.DONE_BY);
        if (approver != null && doneBy != null && approver.equals(doneBy.toString())) {
            LOG.warn("BLACKSTART-RUNBOOK-020 {} refused as the second person for {} of {}", approver,
                    execution.getVariable("fourEyesStep"), execution.getProcessBusinessKey());
            throw new FormFieldValidationException(FourEyes.VERDICT, FourEyes.refusedApprover(approver));
        }
        Object verdict = execution.getVariable(FourEyes.VERDICT);
        if (!"approve".equals(verdict) && !"refuse".equals(verdict)) {
            throw new FormFieldValidationException(FourEyes.VERDICT, "Choose a decision: approve, or refuse with a reason.");
        }
        Object reason = execution.getVariable(FourEyes.REASON);
        if ("refuse".equals(verdict) && (reason == null || reason.toString().isBlank())) {
            throw new FormFieldValidationException(FourEyes.REASON, "Say why you refuse: the reason goes on the incident's timeline.");
        }
    }
}
