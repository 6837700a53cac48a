package org.blackstart.app.notice.template;

import java.util.List;

/** The phases a notice can be written for; one template set per phase and language. */
public final class NoticePhases {

    public static final List<String> ALL = List.of("investigating", "identified", "monitoring", "resolved", "reopened",
            "maintenance-scheduled", "maintenance-reminder", "maintenance-started", "maintenance-updated",
            "maintenance-cancelled", "maintenance-completed", "postmortem");

    private NoticePhases() {
    }

    public static boolean known(String phase) {
        return ALL.contains(phase);
    }

    /** The exception for a phase that is not one of {@link #ALL}, naming them. */
    public static IllegalArgumentException unknown(String phase) {
        return new IllegalArgumentException("unknown notice phase '" + phase + "'; phases are " + String.join(", ", ALL));
    }
}
