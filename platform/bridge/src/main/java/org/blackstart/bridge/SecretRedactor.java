package org.blackstart.bridge;

/**
 * Removes secrets from text the bridge writes to the engine (failure messages and details show in
 * Cockpit) and to logs. The platform knows the configured secret values and masks them.
 */
@FunctionalInterface
public interface SecretRedactor {

    String redact(String text);

    SecretRedactor NONE = text -> text;
}
