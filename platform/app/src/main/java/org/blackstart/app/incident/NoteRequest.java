package org.blackstart.app.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/incidents/{key}/notes}. */
public record NoteRequest(
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String text) {
}
