package org.blackstart.app.responders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/incidents/{key}/on-site}.
 *
 * @param person    the on-call directory's person id, also their Tasklist user
 * @param site      where they go, e.g. "DC Amsterdam, hall 2"
 * @param checklist what to do there, 1 to 20 items
 */
public record OnSiteRequest(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String person,
                            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String site,
                            @NotNull(message = "is required: 1 to 20 items")
                            @Size(min = 1, max = 20, message = "must have 1 to 20 items")
                            List<@NotBlank(message = "items must not be blank")
                                 @Size(max = 200, message = "items must be at most 200 characters") String> checklist) {
}
