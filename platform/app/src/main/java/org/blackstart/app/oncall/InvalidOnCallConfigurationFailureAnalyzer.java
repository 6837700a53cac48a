package org.blackstart.app.oncall;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints what is wrong with the on-call configuration instead of a stack trace. */
class InvalidOnCallConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidOnCallConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidOnCallConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the properties listed above (blackstart.oncall.*, or blackstart.demo.oncall.* in demo mode). "
                        + "Configuration entries may refer only to people and schedules that are configured too.", cause);
    }
}
