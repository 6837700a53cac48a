package org.blackstart.app.tasks;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
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
 * @param dueByKind per due-time kind (a user task's {@code blackstart.due} property, e.g. {@code triage}) and
 *                  severity, how long a task of that kind has; severities and kinds not named keep their
 *                  defaults ({@link #KIND_DEFAULTS}), a kind without any entry takes {@code due}
 */
@ConfigurationProperties("blackstart.tasks")
@Validated
public record TaskDueProperties(@NotNull @DefaultValue({}) Map<Severity, Duration> due,
                                @NotNull @DefaultValue("1h") Duration untriaged,
                                @NotNull @DefaultValue({}) Map<String, Map<Severity, Duration>> dueByKind) {

    static final Map<Severity, Duration> DEFAULTS = Map.of(Severity.SEV1, Duration.ofMinutes(15),
            Severity.SEV2, Duration.ofHours(1), Severity.SEV3, Duration.ofHours(4), Severity.SEV4, Duration.ofDays(1));

    /**
     * What a person must do soon, by kind: a SEV1 triage in 5 minutes, a notice reviewed and approved within
     * 10 minutes each (customers call from the moment they notice), a vendor's question in 15, a key account's
     * call in 30; lower severities get proportionally longer.
     */
    static final Map<String, Map<Severity, Duration>> KIND_DEFAULTS = Map.of(
            "triage", bySeverity(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4)),
            "notice-review", bySeverity(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(8)),
            "notice-approval", bySeverity(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(8)),
            "vendor-request", bySeverity(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1)),
            "call", bySeverity(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(8), Duration.ofDays(1)));

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

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
        dueByKind = mergeKinds(dueByKind);
    }

    /** The defaults. */
    public TaskDueProperties() {
        this(Map.of(), Duration.ofHours(1));
    }

    /** Per-severity times with the kinds' defaults. */
    public TaskDueProperties(Map<Severity, Duration> due, Duration untriaged) {
        this(due, untriaged, Map.of());
    }

    /** How long a task of an incident of {@code severity} ({@code null} or unknown: not yet triaged) has. */
    Duration dueAfter(Severity severity) {
        return severity == null ? untriaged : due.get(severity);
    }

    /**
     * How long a task of {@code kind} ({@code null}: the task names none) has; an untriaged incident's tasks,
     * and kinds nobody configured, take the general time.
     */
    Duration dueAfter(String kind, Severity severity) {
        Map<Severity, Duration> byKind = kind == null || severity == null ? null : dueByKind.get(kind);
        Duration forKind = byKind == null ? null : byKind.get(severity);
        return forKind != null ? forKind : dueAfter(severity);
    }

    private static Map<String, Map<Severity, Duration>> mergeKinds(Map<String, Map<Severity, Duration>> configured) {
        Map<String, Map<Severity, Duration>> merged = new LinkedHashMap<>();
        KIND_DEFAULTS.forEach((kind, times) -> merged.put(kind, new EnumMap<>(times)));
        if (configured != null) {
            for (Map.Entry<String, Map<Severity, Duration>> kind : configured.entrySet()) {
                String property = "blackstart.tasks.due-by-kind." + kind.getKey();
                if (!KIND.matcher(kind.getKey()).matches()) {
                    throw new IllegalArgumentException(property + ": a due-time kind is lower-case letters, digits and "
                            + "dashes, such as notice-review");
                }
                Map<Severity, Duration> times = merged.computeIfAbsent(kind.getKey(), k -> new EnumMap<>(Severity.class));
                if (kind.getValue() == null) {
                    continue;
                }
                for (Map.Entry<Severity, Duration> entry : kind.getValue().entrySet()) {
                    requirePositive(property + "." + entry.getKey(), entry.getValue());
                    times.put(entry.getKey(), entry.getValue());
                }
            }
        }
        Map<String, Map<Severity, Duration>> frozen = new LinkedHashMap<>();
        merged.forEach((kind, times) -> frozen.put(kind, Map.copyOf(times)));
        return Map.copyOf(frozen);
    }

    private static Map<Severity, Duration> bySeverity(Duration sev1, Duration sev2, Duration sev3, Duration sev4) {
        return Map.of(Severity.SEV1, sev1, Severity.SEV2, sev2, Severity.SEV3, sev3, Severity.SEV4, sev4);
    }

    private static void requirePositive(String property, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 15m, was " + duration);
        }
    }
}
