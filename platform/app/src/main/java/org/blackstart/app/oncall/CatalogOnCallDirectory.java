package org.blackstart.app.oncall;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link OnCallDirectory} over the configuration and the API's entries ({@link OnCallCatalog}). */
@Component
class CatalogOnCallDirectory implements OnCallDirectory {

    private final OnCallCatalog catalog;

    CatalogOnCallDirectory(OnCallCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<EscalationPlan> plan(String policyName) {
        Entry<Policy> entry = catalog.current().policies().get(policyName);
        if (entry == null) {
            return Optional.empty();
        }
        Policy policy = entry.spec();
        return Optional.of(new EscalationPlan(policyName, policy.levels().stream().map(Level::timeout).toList(),
                policy.repeat(), policy.callAttempts()));
    }

    @Override
    public List<Responder> respondersAt(String policyName, int level, Instant at) {
        OnCallEntries entries = catalog.current();
        Entry<Policy> policy = entries.policies().get(policyName);
        if (policy == null) {
            throw new IllegalArgumentException("no escalation policy named '" + policyName + "'");
        }
        List<Level> levels = policy.spec().levels();
        if (level < 1 || level > levels.size()) {
            throw new IllegalArgumentException("policy '" + policyName + "' has levels 1 to " + levels.size() + ", not " + level);
        }
        return responders(entries, levels.get(level - 1), at);
    }

    /** The level's people and whoever its schedules have on call, in target order, each once. */
    static List<Responder> responders(OnCallEntries entries, Level level, Instant at) {
        Map<String, Responder> responders = new LinkedHashMap<>();
        for (String text : level.targets()) {
            Target target = Target.parse(text).orElse(null);
            if (target == null) {
                continue;
            }
            List<String> ids = switch (target.kind()) {
                case PERSON -> List.of(target.name());
                case SCHEDULE -> {
                    Entry<Schedule> schedule = entries.schedules().get(target.name());
                    yield schedule == null ? List.of() : OnCallNow.of(schedule.spec(), at).people();
                }
            };
            for (String id : ids) {
                responder(entries, id).ifPresent(r -> responders.putIfAbsent(r.id(), r));
            }
        }
        return List.copyOf(responders.values());
    }

    @Override
    public Optional<List<Responder>> onCallIn(String scheduleName, Instant at) {
        OnCallEntries entries = catalog.current();
        Entry<Schedule> schedule = scheduleName == null ? null : entries.schedules().get(scheduleName);
        if (schedule == null) {
            return Optional.empty();
        }
        return Optional.of(OnCallNow.of(schedule.spec(), at).people().stream()
                .flatMap(id -> responder(entries, id).stream()).toList());
    }

    @Override
    public Optional<Responder> person(String id) {
        return responder(catalog.current(), id);
    }

    private static Optional<Responder> responder(OnCallEntries entries, String id) {
        Entry<Person> person = entries.people().get(id);
        return person == null ? Optional.empty()
                : Optional.of(new Responder(id, person.spec().name(), person.spec().phone()));
    }
}
