package org.blackstart.app.vendor.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code vendorCaseKeepDecided}: the step after KeepVendorCase. A delegate, not an expression: the engine hands
 * its refusal on unwrapped, so the REST API and Tasklist answer 400 with the reason, and the completion is undone.
 */
@Component("vendorCaseKeepDecided")
class VendorCaseKeepDecided implements JavaDelegate {

    private final VendorCases cases;

    VendorCaseKeepDecided(VendorCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.keepDecided(execution);
    }
}
