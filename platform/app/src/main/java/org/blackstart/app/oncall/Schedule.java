package org.blackstart.app.oncall;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.List;

/**
 * Who is on call when. Every layer contributes its current participant (two layers = two people on
 * call, e.g. a primary rotation and a database specialist); an override that covers the moment
 * replaces them all. Overrides may not overlap.
 */
// What GET adds is ignored on PUT, so that a script can GET, change a field and PUT the result.
@JsonIgnoreProperties({"name", "source", "configuredAt"})
public record Schedule(@NotNull(message = "is required, e.g. Europe/Amsterdam") ZoneId timeZone,
                       @NotEmpty(message = "must have at least one rotation layer") List<@Valid Layer> layers,
                       List<@Valid ScheduleOverride> overrides) {

    public Schedule {
        layers = layers == null ? List.of() : List.copyOf(layers);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
