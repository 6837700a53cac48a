package org.blackstart.app.incident;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/incidents/{key}/triage}: what changes; a field left out stays as it is.
 *
 * @param affectedServices the services affected now, all of them, comma-separated
 */
public record RetriageRequest(
        Severity severity,
        @Size(max = 500, message = "must be at most 500 characters") String affectedServices,
        @Size(max = 4000, message = "must be at most 4000 characters") String customerImpact) {
}
