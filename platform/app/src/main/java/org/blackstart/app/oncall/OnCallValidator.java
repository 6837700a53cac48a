package org.blackstart.app.oncall;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rules for people, schedules and policies, the same for the configuration (paths such as
 * {@code blackstart.oncall.policies.ops.levels[1].targets[0]}) and for the API (paths relative to
 * the request body, such as {@code levels[1].targets[0]}). Field rules come from the records'
 * constraints; what needs the other entries (references) or several fields is checked here.
 */
final class OnCallValidator {

    /** Camunda's default user id whitelist (plus e-mail addresses, as Keycloak ids are). */
    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Duration SHORTEST_CUSTOM_SHIFT = Duration.ofHours(1);
    static final Duration LONGEST_LEVEL_TIMEOUT = Duration.ofHours(24);

    private final Validator beans;
    private final Duration minimumLevelTimeout;

    OnCallValidator(Validator beans, Duration minimumLevelTimeout) {
        this.beans = beans;
        this.minimumLevelTimeout = minimumLevelTimeout;
    }

    Duration minimumLevelTimeout() {
        return minimumLevelTimeout;
    }

    List<Violation> personId(String field, String id) {
        return id != null && PERSON_ID.matcher(id).matches() ? List.of()
                : List.of(new Violation(field, "'" + id + "' is not a person id: 1 to 64 of A-Z a-z 0-9 . _ @ -"));
    }

    List<Violation> name(String field, String name) {
        return name != null && NAME.matcher(name).matches() ? List.of()
                : List.of(new Violation(field, "'" + name + "' is not a name: 1 to 64 of a-z 0-9 -, starting with a letter or digit"));
    }

    List<Violation> person(String prefix, Person person) {
        return constraints(prefix, person);
    }

    List<Violation> schedule(String prefix, Schedule schedule, Predicate<String> personExists) {
        List<Violation> violations = new ArrayList<>(constraints(prefix, schedule));
        if (schedule == null) {
            return violations;
        }
        Map<String, Integer> layerNames = new HashMap<>();
        for (int i = 0; i < schedule.layers().size(); i++) {
            Layer layer = schedule.layers().get(i);
            if (layer == null) {
                continue;
            }
            String at = join(prefix, "layers[" + i + "]");
            Integer sameName = layerNames.putIfAbsent(layer.nameOr(i), i);
            if (sameName != null) {
                violations.add(new Violation(join(at, "name"), "layers[" + sameName + "] is also called '" + layer.nameOr(i) + "'"));
            }
            if (layer.type() == RotationType.WEEKLY && layer.handoffDay() == null) {
                violations.add(new Violation(join(at, "handoffDay"), "is required for a weekly layer, e.g. monday"));
            }
            if (layer.type() != null && layer.type() != RotationType.WEEKLY && layer.handoffDay() != null) {
                violations.add(new Violation(join(at, "handoffDay"), "is only for weekly layers"));
            }
            if (layer.type() == RotationType.CUSTOM && layer.length() == null) {
                violations.add(new Violation(join(at, "length"), "is required for a custom layer, e.g. 12h"));
            }
            if (layer.type() == RotationType.CUSTOM && layer.length() != null
                    && layer.length().compareTo(SHORTEST_CUSTOM_SHIFT) < 0) {
                violations.add(new Violation(join(at, "length"), "must be at least " + Durations.text(SHORTEST_CUSTOM_SHIFT)
                        + ", was " + Durations.text(layer.length())));
            }
            if (layer.type() != null && layer.type() != RotationType.CUSTOM && layer.length() != null) {
                violations.add(new Violation(join(at, "length"), "is only for custom layers; daily and weekly layers hand off every day or week"));
            }
            for (int j = 0; j < layer.participants().size(); j++) {
                String person = layer.participants().get(j);
                if (person == null || !personExists.test(person)) {
                    violations.add(new Violation(join(at, "participants[" + j + "]"), "no person with id '" + person + "'"));
                }
            }
        }
        List<ScheduleOverride> overrides = schedule.overrides();
        for (int k = 0; k < overrides.size(); k++) {
            ScheduleOverride override = overrides.get(k);
            if (override == null) {
                continue;
            }
            String at = join(prefix, "overrides[" + k + "]");
            if (override.person() != null && !override.person().isBlank() && !personExists.test(override.person())) {
                violations.add(new Violation(join(at, "person"), "no person with id '" + override.person() + "'"));
            }
            if (override.from() == null || override.to() == null) {
                continue;
            }
            if (!override.to().isAfter(override.from())) {
                violations.add(new Violation(join(at, "to"), "must be after from (" + override.from() + ")"));
                continue;
            }
            for (int m = 0; m < k; m++) {
                ScheduleOverride earlier = overrides.get(m);
                if (earlier != null && earlier.from() != null && earlier.to() != null
                        && earlier.from().isBefore(override.to()) && override.from().isBefore(earlier.to())) {
                    violations.add(new Violation(at, "overlaps overrides[" + m + "]; only one override can replace the layers at a time"));
                }
            }
        }
        return violations;
    }

    List<Violation> policy(String prefix, Policy policy, Predicate<String> personExists, Predicate<String> scheduleExists) {
        List<Violation> violations = new ArrayList<>(constraints(prefix, policy));
        if (policy == null) {
            return violations;
        }
        for (int i = 0; i < policy.levels().size(); i++) {
            Level level = policy.levels().get(i);
            if (level == null) {
                continue;
            }
            String at = join(prefix, "levels[" + i + "]");
            Map<String, Integer> seen = new HashMap<>();
            for (int j = 0; j < level.targets().size(); j++) {
                String text = level.targets().get(j);
                String field = join(at, "targets[" + j + "]");
                Target target = Target.parse(text).orElse(null);
                if (target == null) {
                    violations.add(new Violation(field, "must be person:<id> or schedule:<name>, was '" + text + "'"));
                    continue;
                }
                Integer same = seen.putIfAbsent(text, j);
                if (same != null) {
                    violations.add(new Violation(field, "repeats targets[" + same + "]"));
                } else if (target.kind() == Target.Kind.PERSON && !personExists.test(target.name())) {
                    violations.add(new Violation(field, "no person with id '" + target.name() + "'"));
                } else if (target.kind() == Target.Kind.SCHEDULE && !scheduleExists.test(target.name())) {
                    violations.add(new Violation(field, "no schedule named '" + target.name() + "'"));
                }
            }
            Duration timeout = level.timeout();
            if (timeout != null && timeout.compareTo(minimumLevelTimeout) < 0) {
                violations.add(new Violation(join(at, "timeout"), "must be at least " + Durations.text(minimumLevelTimeout)
                        + " (blackstart.oncall.minimum-level-timeout), was " + Durations.text(timeout)));
            }
            if (timeout != null && timeout.compareTo(LONGEST_LEVEL_TIMEOUT) > 0) {
                violations.add(new Violation(join(at, "timeout"), "must be at most " + Durations.text(LONGEST_LEVEL_TIMEOUT)
                        + ", was " + Durations.text(timeout)));
            }
        }
        return violations;
    }

    private List<Violation> constraints(String prefix, Object entry) {
        if (entry == null) {
            return List.of(new Violation(prefix.isEmpty() ? "body" : prefix, "is required"));
        }
        return beans.validate(entry).stream()
                .map((ConstraintViolation<Object> v) -> new Violation(join(prefix, v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
    }

    static String join(String prefix, String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        return field.isEmpty() ? prefix : prefix + "." + field;
    }
}
