package org.blackstart.app.oncall;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code person} is on call instead of the layers' people from {@code from} (inclusive) to {@code to} (exclusive). */
public record ScheduleOverride(@NotBlank(message = "is required") String person,
                               @NotNull(message = "is required") Instant from,
                               @NotNull(message = "is required") Instant to) {

    boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
