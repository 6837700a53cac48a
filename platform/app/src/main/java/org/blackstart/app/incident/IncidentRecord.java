package org.blackstart.app.incident;

import java.time.Instant;

/** A row of {@code bs_incident}: what the API lists. */
public record IncidentRecord(String key, String title, String summary, String severity, String status,
                             String affectedServices, String customerImpact, String declaredBy, Instant declaredAt,
                             Instant updatedAt, Instant closedAt, String processInstanceId) {
}
