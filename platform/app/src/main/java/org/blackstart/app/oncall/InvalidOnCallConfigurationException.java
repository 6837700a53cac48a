package org.blackstart.app.oncall;

import java.util.List;
import java.util.stream.Collectors;

/** The on-call configuration refers to what does not exist or breaks a rule: the application does not start. */
public class InvalidOnCallConfigurationException extends IllegalStateException {

    private final List<Violation> violations;

    InvalidOnCallConfigurationException(List<Violation> violations) {
        super("Invalid on-call configuration:\n" + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
