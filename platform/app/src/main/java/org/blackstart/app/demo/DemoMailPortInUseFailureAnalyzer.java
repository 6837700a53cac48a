package org.blackstart.app.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which port of the demo mail sink is taken and how to move it, instead of a stack trace. */
class DemoMailPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<DemoMailPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoMailPortInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other Blackstart, or start this one on other ports: --" + cause.property() + "=<free port> "
                        + "(and --server.port, blackstart.demo.mail.smtp-port and blackstart.demo.mail.imap-port as needed).",
                cause);
    }
}
