package org.blackstart.app.vendor.registry;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.vendors.*}.
 *
 * @param registry          vendors managed in configuration, by id (a-z 0-9 -); read-only through the API.
 *                          Checked by {@link VendorValidator} at start-up (see {@link ConfiguredVendors}).
 * @param maxAttachmentSize the largest file a commander may add for a vendor: a day of storage array
 *                          logs, compressed, is about 20 MB
 */
@ConfigurationProperties("blackstart.vendors")
@Validated
public record VendorsProperties(Map<String, VendorSpec> registry,
                                @NotNull @DefaultValue("25MB") DataSize maxAttachmentSize) {

    public VendorsProperties {
        registry = registry == null ? Map.of() : registry;
    }
}
