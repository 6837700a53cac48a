package org.blackstart.app.oncall;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * An escalation policy.
 *
 * @param repeat       how many more times all levels run after the last one went unanswered (0..9, default 0)
 * @param callAttempts calls to a person at one level before an unanswered call counts as unanswered (1..5, default 1)
 */
// What GET adds is ignored on PUT, so that a script can GET, change a field and PUT the result.
@JsonIgnoreProperties({"name", "source", "configuredAt"})
public record Policy(@NotEmpty(message = "must have at least one level") List<@Valid Level> levels,
                     @Min(value = 0, message = "must be between 0 and 9") @Max(value = 9, message = "must be between 0 and 9")
                     Integer repeat,
                     @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
                     Integer callAttempts) {

    public Policy {
        levels = levels == null ? List.of() : List.copyOf(levels);
        repeat = repeat == null ? 0 : repeat;
        callAttempts = callAttempts == null ? 1 : callAttempts;
    }
}
