package org.blackstart.app.vendor.cases;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as people say them on a timeline: "30 min", "2 h 5 min", "1 day". */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String of(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(days == 1 ? " day" : " days");
        }
        if (hours > 0) {
            text.append(text.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (minutes > 0 && days == 0) {
            text.append(text.isEmpty() ? "" : " ").append(minutes).append(" min");
        }
        return text.toString();
    }

    /** An ISO-8601 duration such as the escalation's {@code ackSla} ({@code PT30M}, {@code P1D}), or the text as given. */
    public static String ofIso(String iso) {
        if (iso == null || iso.isBlank()) {
            return "the agreed time";
        }
        try {
            return of(Duration.parse(iso.strip()));
        } catch (DateTimeParseException notIso) {
            return iso.strip();
        }
    }
}
