package org.blackstart.app.incident;

import java.time.Instant;

/**
 * A row of {@code bs_incident}: what the API lists. {@code rootCause} and {@code resolution} are what the commander
 * recorded at Resolve; both stay {@code null} until then. The root cause is for the team, never for customers.
 */
public record IncidentRecord(String key, String title, String summary, String severity, String status,
                             String affectedServices, String customerImpact, String declaredBy, Instant declaredAt,
                             Instant updatedAt, Instant closedAt, String processInstanceId, String rootCause,
                             String resolution) {
}
