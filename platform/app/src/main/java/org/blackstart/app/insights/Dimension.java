package org.blackstart.app.insights;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the figures of a month are split by. */
public enum Dimension {
    /** SEV1..SEV4, as the incident is triaged now. */
    SEVERITY,
    /** Each affected service; an incident that hit two services counts in both. */
    SERVICE,
    /** Each vendor a case was opened with; an incident without a vendor case counts under {@link Figures#NONE}. */
    VENDOR,
    /** The escalation policy paged at declaration. */
    POLICY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimension named {@code code}, or {@code null} when there is none by that name. */
    static Dimension of(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst().orElse(null);
    }

    static String codes() {
        return Arrays.stream(values()).map(Dimension::code).collect(Collectors.joining(", "));
    }
}
