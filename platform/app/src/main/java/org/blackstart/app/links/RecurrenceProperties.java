package org.blackstart.app.links;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.incidents.*} for links.
 *
 * @param recurrenceWindow how long after an incident closed a new incident from the same alert rule and group is
 *                         linked to it as a recurrence; {@code 0s} links none
 */
@ConfigurationProperties("blackstart.incidents")
@Validated
public record RecurrenceProperties(@NotNull @DurationMin(seconds = 0) @DefaultValue("14d") Duration recurrenceWindow) {
}
