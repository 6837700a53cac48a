package org.blackstart.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert as an alert source reports it, in the platform's terms.
 *
 * @param dedupKey    identifies the alert across reports: Alertmanager's fingerprint, Grafana's
 *                    fingerprint, an Events API {@code dedup_key}; the same key updates the open alert
 * @param status      firing, acknowledged or resolved
 * @param summary     one line for people
 * @param severity    the source's own word ({@code critical}, {@code warning}, ...), or {@code null}
 * @param startsAt    when the source says it began, or {@code null}
 * @param endsAt      when the source says it ended, or {@code null}
 * @param labels      identifying labels (datacenter, rack, service, instance...); grouping rules read these
 * @param annotations descriptive text that does not identify the alert
 * @param link        where a person can look at it (generator, dashboard), or {@code null}
 */
public record AlertEvent(String dedupKey, AlertStatus status, String summary, String severity, Instant startsAt,
                         Instant endsAt, Map<String, String> labels, Map<String, String> annotations, String link) {

    public AlertEvent {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
