package org.blackstart.app.alert.api;

import java.time.Instant;
import java.util.Map;

/** An alert as people see it through {@code /api/alerts}. */
public record AlertView(long id, String source, String dedupKey, String status, String summary, String severity,
                        Map<String, String> labels, Map<String, String> annotations, String link, Instant firstSeenAt,
                        Instant lastSeenAt, Instant acknowledgedAt, Instant resolvedAt, int occurrences, String rule,
                        long groupId, String incidentKey) {
}
