package org.blackstart.plugins.twilio;

import java.util.Locale;
import org.blackstart.spi.PageRequest;

/**
 * Text for the ear. A synthesiser reads {@code INC-2026-0042} as a word and a number; spelled out
 * ({@code I N C, 2 0 2 6, 0 0 4 2}) it can be written down on a night call.
 */
final class Speech {

    private Speech() {
    }

    static String incidentKey(String key) {
        if (key == null || key.isBlank()) {
            return "unknown";
        }
        StringBuilder out = new StringBuilder();
        for (String part : key.split("-")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(String.join(" ", part.toUpperCase(Locale.ROOT).split("")));
        }
        return out.toString();
    }

    /** {@code SEV1} → {@code severity 1}. */
    static String severity(String severity) {
        if (severity == null || severity.isBlank()) {
            return "";
        }
        String digits = severity.replaceAll("(?i)^sev(erity)?\\s*", "");
        return "severity " + digits;
    }

    /** The spoken headline of a page: severity, incident key, title. */
    static String headline(PageRequest page) {
        String severity = severity(page.severity());
        String title = page.title().isBlank() ? "" : ": " + page.title();
        return (severity.isEmpty() ? "Incident " : capitalise(severity) + " incident ") + incidentKey(page.incidentKey()) + title;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
