package org.blackstart.app.vendor.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code vendorRequestAnswered}: the step after AnswerVendorRequest. A delegate, not an expression: the engine
 * hands its refusal on unwrapped, so the REST API and Tasklist answer 400 with the reason, and the completion
 * is undone.
 */
@Component("vendorRequestAnswered")
class VendorRequestAnswered implements JavaDelegate {

    private final VendorRequests requests;

    VendorRequestAnswered(VendorRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.answered(execution);
    }
}
