package org.blackstart.app.oncall;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.oncall.*}: people, schedules and escalation policies managed in configuration.
 * They are read-only through the API; entries created through the API live in the database.
 * Cross-references are checked at start-up (see {@link ConfiguredOnCall}); configuration entries
 * may refer to configuration entries only, so that no API edit can break the configuration.
 *
 * @param minimumLevelTimeout the shortest level timeout a policy may have. 1 minute by default: a
 *                            shorter one escalates before a person can pick up the phone. Tests
 *                            that run a whole escalation lower it (never below 1 second).
 * @param refreshInterval     how long a node uses what it read from the database before reading it
 *                            again; edits on the node itself take effect at once, edits on other
 *                            nodes within this interval; 0 reads the database at every lookup
 * @param people              by person id = Camunda user id (ids with {@code @} or {@code .} need
 *                            brackets in YAML: {@code "[ann@example.com]"})
 * @param schedules           by schedule name
 * @param policies            by policy name
 */
@ConfigurationProperties("blackstart.oncall")
@Validated
public record OnCallProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration minimumLevelTimeout,
                               @NotNull @DurationMin(millis = 0) @DefaultValue("5s") Duration refreshInterval,
                               Map<String, @Valid Person> people,
                               Map<String, @Valid Schedule> schedules,
                               Map<String, @Valid Policy> policies) {

    public OnCallProperties {
        people = people == null ? Map.of() : people;
        schedules = schedules == null ? Map.of() : schedules;
        policies = policies == null ? Map.of() : policies;
    }
}
