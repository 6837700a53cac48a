package org.blackstart.app.vendor.registry;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints what is wrong with the vendor registry instead of a stack trace. */
class InvalidVendorConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidVendorConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidVendorConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the properties listed above (blackstart.vendors.registry.<id>.*, or blackstart.demo.vendors.* "
                        + "in demo mode). Every vendor needs a name, a kind, a response time (ack-sla) for SEV1 to SEV4 "
                        + "and a known ticketing system.", cause);
    }
}
