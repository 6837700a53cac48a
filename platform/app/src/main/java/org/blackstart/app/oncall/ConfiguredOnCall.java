package org.blackstart.app.oncall;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The people, schedules and policies of {@code blackstart.oncall} (and, in demo mode, of
 * {@code blackstart.demo.oncall}), checked when the application starts: an entry that refers to
 * something missing or breaks a rule stops the start with every problem and its property path.
 */
@Component
class ConfiguredOnCall {

    private static final String PREFIX = "blackstart.oncall";
    private static final String DEMO_PREFIX = "blackstart.demo.oncall";

    private final OnCallEntries entries;
    private final OnCallValidator validator;

    ConfiguredOnCall(OnCallProperties properties, DemoOnCallProperties demo, Environment environment, Validator beans) {
        this.validator = new OnCallValidator(beans, properties.minimumLevelTimeout());
        boolean demoMode = environment.getProperty("blackstart.demo.enabled", Boolean.class, false);
        Map<String, Entry<Person>> people = new LinkedHashMap<>();
        Map<String, Entry<Schedule>> schedules = new LinkedHashMap<>();
        Map<String, Entry<Policy>> policies = new LinkedHashMap<>();
        if (demoMode) {
            collect(DEMO_PREFIX, demo.people(), demo.schedules(), demo.policies(), people, schedules, policies);
        }
        collect(PREFIX, properties.people(), properties.schedules(), properties.policies(), people, schedules, policies);
        this.entries = new OnCallEntries(people, schedules, policies);
        List<Violation> violations = check(entries);
        if (!violations.isEmpty()) {
            throw new InvalidOnCallConfigurationException(violations);
        }
    }

    private static void collect(String prefix, Map<String, Person> people, Map<String, Schedule> schedules,
                                Map<String, Policy> policies, Map<String, Entry<Person>> intoPeople,
                                Map<String, Entry<Schedule>> intoSchedules, Map<String, Entry<Policy>> intoPolicies) {
        new TreeMap<>(people).forEach((id, p) -> intoPeople.put(id, Entry.configured(id, p, prefix + ".people." + id)));
        new TreeMap<>(schedules).forEach((name, s) -> intoSchedules.put(name, Entry.configured(name, s, prefix + ".schedules." + name)));
        new TreeMap<>(policies).forEach((name, p) -> intoPolicies.put(name, Entry.configured(name, p, prefix + ".policies." + name)));
    }

    private List<Violation> check(OnCallEntries all) {
        List<Violation> violations = new ArrayList<>();
        all.people().values().forEach(e -> {
            violations.addAll(validator.personId(e.configPath(), e.name()));
            violations.addAll(validator.person(e.configPath(), e.spec()));
        });
        all.schedules().values().forEach(e -> {
            violations.addAll(validator.name(e.configPath(), e.name()));
            violations.addAll(validator.schedule(e.configPath(), e.spec(), all.people()::containsKey));
        });
        all.policies().values().forEach(e -> {
            violations.addAll(validator.name(e.configPath(), e.name()));
            violations.addAll(validator.policy(e.configPath(), e.spec(), all.people()::containsKey, all.schedules()::containsKey));
        });
        return violations;
    }

    OnCallEntries entries() {
        return entries;
    }

    OnCallValidator validator() {
        return validator;
    }
}
