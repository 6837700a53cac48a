package org.blackstart.app.vendor.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a vendor supplies; it tells a commander at a glance which vendor a broken part belongs to. */
public enum VendorKind {
    STORAGE, DATACENTER_HOST, NETWORK, SOFTWARE;

    /** As written in configuration and JSON: {@code datacenter-host}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<VendorKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug().equals(slug)).findFirst();
    }

    static String slugs() {
        return Arrays.stream(values()).map(VendorKind::slug).collect(Collectors.joining(", "));
    }
}
