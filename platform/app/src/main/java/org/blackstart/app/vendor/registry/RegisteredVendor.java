package org.blackstart.app.vendor.registry;

/**
 * A vendor and where it is managed.
 *
 * @param source       {@code configuration} (read-only through the API) or {@code api}
 * @param configuredAt the configuration property of a configured vendor, else {@code null}
 */
public record RegisteredVendor(Vendor vendor, String source, String configuredAt) {

    public static final String CONFIGURATION = "configuration";
    public static final String API = "api";

    public boolean readOnly() {
        return CONFIGURATION.equals(source);
    }
}
