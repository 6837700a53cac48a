package org.blackstart.app.oncall;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

/**
 * One escalation level: everybody its targets resolve to is paged, for {@code timeout}, before the
 * next level is.
 *
 * @param targets {@code person:<id>} or {@code schedule:<name>}
 */
public record Level(@NotEmpty(message = "must name at least one person:<id> or schedule:<name>") List<String> targets,
                    @NotNull(message = "is required, e.g. 5m")
                    @JsonDeserialize(using = FlexibleDurationDeserializer.class) Duration timeout) {

    public Level {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
