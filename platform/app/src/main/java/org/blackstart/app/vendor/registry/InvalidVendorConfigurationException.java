package org.blackstart.app.vendor.registry;

import java.util.List;

/** A configured vendor breaks a rule: the application does not start. */
public class InvalidVendorConfigurationException extends IllegalStateException {

    InvalidVendorConfigurationException(List<String> violations) {
        super("Invalid vendor registry:\n" + String.join("\n", violations.stream().map(v -> "  " + v).toList()));
    }
}
