package org.blackstart.app.vendor.registry;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code blackstart.demo.vendors.*}: the demo's vendors, used only while {@code blackstart.demo.enabled=true}.
 * Apart from {@code blackstart.vendors.registry} for the reason the demo's on-call people are: a
 * production configuration can add map entries to those in application.yml but never remove them,
 * and a fictional vendor must not be escalated to in production. A registry entry with the same id
 * replaces the demo's.
 */
@ConfigurationProperties("blackstart.demo")
public record DemoVendorProperties(Map<String, VendorSpec> vendors) {

    public DemoVendorProperties {
        vendors = vendors == null ? Map.of() : vendors;
    }
}
