package org.blackstart.app.tasks;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.blackstart.app.incident.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.tasks.*}: how soon an incident's tasks are due.
 *
 * @param due       per severity, how long after a task is created (or its incident re-triaged) it is due;
 *                  severities not named keep their defaults (SEV1 15 min, SEV2 1 h, SEV3 4 h, SEV4 1 day)
 * @param untriaged for an incident without a severity yet
 */
@ConfigurationProperties("blackstart.tasks")
@Validated
public record TaskDueProperties(@NotNull @DefaultValue({}) Map<Severity, Duration> due,
                                @NotNull @DefaultValue("1h") Duration untriaged) {

    static final Map<Severity, Duration> DEFAULTS = Map.of(Severity.SEV1, Duration.ofMinutes(15),
            Severity.SEV2, Duration.ofHours(1), Severity.SEV3, Duration.ofHours(4), Severity.SEV4, Duration.ofDays(1));

    @ConstructorBinding
    public TaskDueProperties {
        Map<Severity, Duration> merged = new EnumMap<>(DEFAULTS);
        if (due != null) {
            for (Map.Entry<Severity, Duration> entry : due.entrySet()) {
                requirePositive("blackstart.tasks.due." + entry.getKey(), entry.getValue());
                merged.put(entry.getKey(), entry.getValue());
            }
        }
        if (untriaged != null) {
            requirePositive("blackstart.tasks.untriaged", untriaged);
        }
        due = Map.copyOf(merged);
    }

    /** The defaults. */
    public TaskDueProperties() {
        this(Map.of(), Duration.ofHours(1));
    }

    /** How long a task of an incident of {@code severity} ({@code null} or unknown: not yet triaged) has. */
    Duration dueAfter(Severity severity) {
        return severity == null ? untriaged : due.get(severity);
    }

    private static void requirePositive(String property, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 15m, was " + duration);
        }
    }
}
