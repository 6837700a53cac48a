package org.blackstart.app.statuspage;

import java.util.Locale;

/** What the public sees of a component, from best to worst; the worst cause wins. */
public enum ComponentState {
    OPERATIONAL("Operational"),
    /** A fix is in and being monitored: better than any disruption or maintenance, so those still win. */
    RECOVERING("Recovering"),
    UNDER_MAINTENANCE("Under maintenance"),
    DEGRADED_PERFORMANCE("Degraded performance"),
    PARTIAL_OUTAGE("Partial outage"),
    MAJOR_OUTAGE("Major outage");

    private final String label;

    ComponentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code major-outage}: the stored and CSS form. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ComponentState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public ComponentState worse(ComponentState other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    /** SEV1 → major outage, SEV2 → partial outage, anything else (SEV3, unknown) → degraded performance. */
    public static ComponentState ofSeverity(String severity) {
        if (severity == null) {
            return DEGRADED_PERFORMANCE;
        }
        return switch (severity.strip().toUpperCase(Locale.ROOT)) {
            case "SEV1" -> MAJOR_OUTAGE;
            case "SEV2" -> PARTIAL_OUTAGE;
            default -> DEGRADED_PERFORMANCE;
        };
    }
}
