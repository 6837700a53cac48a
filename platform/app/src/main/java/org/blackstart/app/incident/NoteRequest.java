package org.blackstart.app.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/incidents/{key}/notes}.
 *
 * @param visibility {@code all} (the default) or {@code commanders}: a note only commanders and admins read
 */
public record NoteRequest(
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String text,
        @Pattern(regexp = "all|commanders", message = "must be all or commanders") String visibility) {

    /** The visibility asked for, {@code all} when none was. */
    public String visibilityOrAll() {
        return visibility == null ? "all" : visibility;
    }
}
