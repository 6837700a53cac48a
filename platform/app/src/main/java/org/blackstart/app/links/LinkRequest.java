package org.blackstart.app.links;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/incidents/{key}/links}.
 *
 * @param kind       recurrence-of, related-to or caused-by
 * @param targetType incident, maintenance or vendor-change
 * @param target     an incident's key, a maintenance window's key, or the vendor's reference for its change
 */
record LinkRequest(@NotBlank(message = "is required") String kind,
                   @NotBlank(message = "is required") String targetType,
                   @NotBlank(message = "is required") @Size(max = 128, message = "must be at most 128 characters") String target,
                   @Size(max = 500, message = "must be at most 500 characters") String note) {
}
