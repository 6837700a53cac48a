package org.blackstart.app.tasks;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.tasks.overdue.*}: how often one node looks for incident tasks past their due time.
 *
 * @param enabled  whether overdue tasks are raised to the commander at all
 * @param interval between two looks; an overdue task reaches the commander within this time after its due time
 */
@ConfigurationProperties("blackstart.tasks.overdue")
@Validated
public record OverdueProperties(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("30s") Duration interval) {

    public OverdueProperties {
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("blackstart.tasks.overdue.interval must be a positive duration such as 30s, was "
                    + interval);
        }
    }
}
