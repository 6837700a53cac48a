package org.blackstart.app.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The durations a postmortem reports, from the key times in force. Impact starts the clock for mitigation and
 * resolution, because customers felt it from then, which is often before the first alert.
 */
final class KeyTimeDurations {

    static final List<String> NAMES = List.of("impact_started", "detected", "acknowledged", "mitigated", "resolved", "closed");

    private record Definition(String name, String label, String from, String to) {
    }

    private static final List<Definition> SPANS = List.of(
            new Definition("time_to_detect", "Time to detect", "impact_started", "detected"),
            new Definition("time_to_acknowledge", "Time to acknowledge", "detected", "acknowledged"),
            new Definition("time_to_mitigate", "Time to mitigate", "impact_started", "mitigated"),
            new Definition("time_to_resolve", "Time to resolve", "impact_started", "resolved"),
            new Definition("total", "Impact start to close", "impact_started", "closed"));

    private KeyTimeDurations() {
    }

    static List<PostmortemFacts.Span> of(Map<String, Instant> keyTimes) {
        List<PostmortemFacts.Span> spans = new ArrayList<>();
        for (Definition span : SPANS) {
            Instant from = keyTimes.get(span.from());
            Instant to = keyTimes.get(span.to());
            Long minutes = from == null || to == null ? null : Duration.between(from, to).toMinutes();
            spans.add(new PostmortemFacts.Span(span.name(), span.label(), span.from(), span.to(), minutes));
        }
        return spans;
    }

    /** "8 h 15 min", "45 min", "2 d 3 h"; "not recorded" without a value. A negative span is shown as it is. */
    static String text(Long minutes) {
        if (minutes == null) {
            return "not recorded";
        }
        long m = Math.abs(minutes);
        String sign = minutes < 0 ? "-" : "";
        long days = m / (24 * 60);
        long hours = (m / 60) % 24;
        long rest = m % 60;
        if (days > 0) {
            return sign + days + " d " + hours + " h" + (rest > 0 ? " " + rest + " min" : "");
        }
        if (hours > 0) {
            return sign + hours + " h" + (rest > 0 ? " " + rest + " min" : "");
        }
        return sign + rest + " min";
    }

    /** "impact_started" as people read it: "Impact started". */
    static String label(String name) {
        String spaced = name.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
