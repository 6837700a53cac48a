package org.blackstart.app.oncall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Creates, replaces and deletes the entries that live in the database, with the same rules as the
 * configuration. A refused edit changes nothing. Edits are serialised on this node so that a check
 * and its write see the same entries.
 */
@Service
class OnCallEditor {

    private final OnCallCatalog catalog;
    private final OnCallStore store;
    private final OnCallValidator validator;

    OnCallEditor(OnCallCatalog catalog, OnCallStore store, ConfiguredOnCall configured) {
        this.catalog = catalog;
        this.store = store;
        this.validator = configured.validator();
    }

    /** @return true when the entry was created, false when it replaced one */
    synchronized boolean putPerson(String id, Person person, String user) {
        List<Violation> violations = new ArrayList<>(validator.personId("id", id));
        OnCallEntries entries = editable(Kind.PERSON, id, violations, OnCallEntries::people);
        violations.addAll(validator.person("", person));
        return write(Kind.PERSON, id, person, user, violations);
    }

    synchronized boolean putSchedule(String name, Schedule schedule, String user) {
        List<Violation> violations = new ArrayList<>(validator.name("name", name));
        OnCallEntries entries = editable(Kind.SCHEDULE, name, violations, OnCallEntries::schedules);
        violations.addAll(validator.schedule("", schedule, entries.people()::containsKey));
        return write(Kind.SCHEDULE, name, schedule, user, violations);
    }

    synchronized boolean putPolicy(String name, Policy policy, String user) {
        List<Violation> violations = new ArrayList<>(validator.name("name", name));
        OnCallEntries entries = editable(Kind.POLICY, name, violations, OnCallEntries::policies);
        violations.addAll(validator.policy("", policy, entries.people()::containsKey, entries.schedules()::containsKey));
        return write(Kind.POLICY, name, policy, user, violations);
    }

    synchronized void delete(Kind kind, String name) {
        OnCallEntries entries = catalog.fresh();
        Map<String, ? extends Entry<?>> ofKind = switch (kind) {
            case PERSON -> entries.people();
            case SCHEDULE -> entries.schedules();
            case POLICY -> entries.policies();
        };
        Entry<?> entry = ofKind.get(name);
        if (entry == null) {
            throw OnCallProblem.notFound(kind, name);
        }
        if (entry.configured()) {
            throw OnCallProblem.managedInConfiguration(kind, name, entry.configPath());
        }
        List<String> referrers = References.to(kind, name, entries);
        if (!referrers.isEmpty()) {
            throw OnCallProblem.stillReferenced(kind, name, referrers);
        }
        store.delete(kind, name);
        catalog.fresh();
    }

    private <T> OnCallEntries editable(Kind kind, String name, List<Violation> violations,
                                       Function<OnCallEntries, Map<String, Entry<T>>> ofKind) {
        if (!violations.isEmpty()) {
            throw OnCallProblem.invalid(violations);
        }
        OnCallEntries entries = catalog.fresh();
        Entry<T> existing = ofKind.apply(entries).get(name);
        if (existing != null && existing.configured()) {
            throw OnCallProblem.managedInConfiguration(kind, name, existing.configPath());
        }
        return entries;
    }

    private boolean write(Kind kind, String name, Object spec, String user, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw OnCallProblem.invalid(violations);
        }
        boolean created = store.put(kind, name, spec, user);
        catalog.fresh();
        return created;
    }
}
