package org.blackstart.app.tasks;

import java.util.Arrays;
import java.util.Locale;
import org.blackstart.app.incident.Severity;

/**
 * Task priorities on Camunda's usual 0-100 scale (a task without one has 50), with room between
 * severities for anyone who wants to rank by hand.
 */
public final class TaskPriorities {

    public static final int SEV1 = 90;
    public static final int SEV2 = 70;
    /** An incident not triaged yet may be anything: the middle, as Camunda itself would. */
    public static final int UNTRIAGED = 50;
    public static final int SEV3 = 40;
    public static final int SEV4 = 20;

    private TaskPriorities() {
    }

    /** A severity named by a process variable or the incident record; anything else is not triaged. */
    static Severity parse(String severity) {
        if (severity == null) {
            return null;
        }
        String name = severity.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Severity.values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    static int of(Severity severity) {
        if (severity == null) {
            return UNTRIAGED;
        }
        return switch (severity) {
            case SEV1 -> SEV1;
            case SEV2 -> SEV2;
            case SEV3 -> SEV3;
            case SEV4 -> SEV4;
        };
    }
}
