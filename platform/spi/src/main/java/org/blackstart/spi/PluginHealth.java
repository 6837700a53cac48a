package org.blackstart.spi;

import java.util.Objects;

/** A plugin's own view of whether it can do its work right now. */
public record PluginHealth(Status status, String detail) {

    public enum Status { UP, DOWN, UNKNOWN }

    public PluginHealth {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static PluginHealth up() {
        return new PluginHealth(Status.UP, "");
    }

    public static PluginHealth down(String detail) {
        return new PluginHealth(Status.DOWN, detail);
    }
}
