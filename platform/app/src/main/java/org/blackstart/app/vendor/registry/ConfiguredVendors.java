package org.blackstart.app.vendor.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.blackstart.spi.vendor.VendorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The vendors of {@code blackstart.vendors.registry} (and, in demo mode, of {@code blackstart.demo.vendors}),
 * checked when the application starts: a vendor an escalation could not use stops the start with
 * every problem and its property path, rather than failing during an outage.
 */
@Component
class ConfiguredVendors {

    static final String PREFIX = "blackstart.vendors.registry";
    static final String DEMO_PREFIX = "blackstart.demo.vendors";

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredVendors.class);

    /** A configured vendor and the property it is configured under. */
    record ConfiguredVendor(Vendor vendor, String path) {
    }

    private final Map<String, ConfiguredVendor> vendors;

    ConfiguredVendors(VendorsProperties properties, DemoVendorProperties demo, Environment environment) {
        Map<String, ConfiguredVendor> all = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        if (environment.getProperty("blackstart.demo.enabled", Boolean.class, false)) {
            collect(DEMO_PREFIX, demo.vendors(), all, violations);
        }
        collect(PREFIX, properties.registry(), all, violations);
        if (!violations.isEmpty()) {
            throw new InvalidVendorConfigurationException(violations);
        }
        this.vendors = Collections.unmodifiableMap(new TreeMap<>(all));
        this.vendors.values().stream()
                .filter(c -> VendorMessage.EMAIL.equals(c.vendor().ticketing().system()) && c.vendor().mailSenders().isEmpty())
                .forEach(c -> LOG.warn("BLACKSTART-VENDOR-002 vendor {} is reached by e-mail but names no mail-senders: "
                        + "every e-mail about its cases is parked for a person; set {}.mail-senders (its support "
                        + "address, or @its-domain)", c.vendor().id(), c.path()));
    }

    private static void collect(String prefix, Map<String, VendorSpec> specs, Map<String, ConfiguredVendor> into,
                                List<String> violations) {
        new TreeMap<>(specs).forEach((id, spec) -> {
            String path = prefix + "." + id;
            VendorValidator.Result result = VendorValidator.validate(id, spec);
            if (result.valid()) {
                into.put(id, new ConfiguredVendor(result.vendor(), path));
            } else {
                result.problems().forEach(p -> violations.add(
                        (p.field().equals("id") ? path : path + "." + p.propertyPath()) + ": " + p.message()));
            }
        });
    }

    Map<String, ConfiguredVendor> vendors() {
        return vendors;
    }
}
