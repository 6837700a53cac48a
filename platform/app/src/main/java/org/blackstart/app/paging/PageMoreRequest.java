package org.blackstart.app.paging;

import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/incidents/{key}/pages}: exactly one of {@code person}, {@code schedule}, {@code policy}.
 *
 * @param reason why they are paged, for the timeline and the person's page
 */
public record PageMoreRequest(@Size(max = 200, message = "must be at most 200 characters") String person,
                              @Size(max = 200, message = "must be at most 200 characters") String schedule,
                              @Size(max = 200, message = "must be at most 200 characters") String policy,
                              @Size(max = 500, message = "must be at most 500 characters") String reason) {
}
