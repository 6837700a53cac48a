package org.blackstart.app.vendor.requests;

import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.vendor.VendorCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code vendorRequests}: the vendor-escalation's requests that need a yes or a no. Marks a request
 * whose words ask permission ({@link PermissionWords}), and, in the transaction that completes the
 * AnswerVendorRequest task, checks the decision and words what the vendor reads. The form asks the same,
 * but a completion through the engine's REST API brings whatever variables it likes: a refusal without
 * a reason, or a permission request answered without a yes or no, is refused here and nothing moves.
 */
@Component("vendorRequests")
public class VendorRequests {

    static final String DECISION = "vendorDecision";
    static final String REASON = "vendorDecisionReason";
    static final String ANSWER = "vendorAnswer";
    static final String NEEDED = "vendorDecisionNeeded";
    static final String ANSWER_TEXT = "vendorAnswerText";
    /** What a vendor's ticketing system takes as one comment, and what the form lets a person write. */
    static final int MAX_TEXT = 8000;

    private final Timeline timeline;

    public VendorRequests(Timeline timeline) {
        this.timeline = timeline;
    }

    /** True when the request's subject or text asks for our permission. */
    public boolean asksPermission(String subject, String text) {
        return PermissionWords.asksPermission(subject, text);
    }

    /** After AnswerVendorRequest: checks the decision, sets {@code vendorAnswerText} and tells the timeline. */
    public void answered(DelegateExecution execution) {
        VendorAnswer answer = VendorAnswer.of(text(execution, DECISION), text(execution, REASON), text(execution, ANSWER),
                Boolean.TRUE.equals(execution.getVariable(NEEDED)), text(execution, VendorCase.Variables.VENDOR_NAME));
        execution.setVariableLocal(ANSWER_TEXT, answer.text());
        if (answer.decision() != VendorAnswer.Decision.ANSWER) {
            String actor = currentUser(execution);
            String number = text(execution, VendorCase.Variables.CASE_NUMBER);
            timeline.record(execution.getProcessBusinessKey(), TimelineKind.VENDORS, execution.getCurrentActivityId(),
                    "Vendor request decided", actor, answer.timelineLine(actor, text(execution, VendorCase.Variables.VENDOR_NAME),
                            number == null ? "(no number)" : number, text(execution, "vendorRequestLine")));
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }

    /** Thrown as the form's own validation error: Tasklist shows it, the REST API answers 400. */
    static FormFieldValidationException refused(String field, String why) {
        return new FormFieldValidationException(field, why);
    }
}
