package org.blackstart.app.oncall;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Configuration and database entries as one {@link OnCallEntries}. The database part is read again
 * after {@code blackstart.oncall.refresh-interval} and at once after an edit on this node, so this
 * node is never stale after its own edits and other nodes catch up within the interval.
 */
@Component
class OnCallCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(OnCallCatalog.class);

    private final ConfiguredOnCall configured;
    private final OnCallStore store;
    private final OnCallProperties properties;
    private final Clock clock;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** Counts this node's edits: a snapshot read before the latest edit is never used after it. */
    private final AtomicLong edits = new AtomicLong();
    private volatile Loaded loaded;

    OnCallCatalog(ConfiguredOnCall configured, OnCallStore store, OnCallProperties properties, Clock clock) {
        this.configured = configured;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    private record Loaded(OnCallEntries entries, Instant expires, long edit) {
    }

    OnCallEntries current() {
        Loaded current = loaded;
        long edit = edits.get();
        Instant now = clock.instant();
        if (current == null || current.edit() != edit || !now.isBefore(current.expires())) {
            current = new Loaded(load(), now.plus(properties.refreshInterval()), edit);
            loaded = current;
        }
        return current.entries();
    }

    /** Reads the database now: before an edit is checked, and after it is made. */
    OnCallEntries fresh() {
        edits.incrementAndGet();
        return current();
    }

    private OnCallEntries load() {
        OnCallEntries fromConfiguration = configured.entries();
        Map<String, Entry<Person>> people = new LinkedHashMap<>(fromConfiguration.people());
        Map<String, Entry<Schedule>> schedules = new LinkedHashMap<>(fromConfiguration.schedules());
        Map<String, Entry<Policy>> policies = new LinkedHashMap<>(fromConfiguration.policies());
        for (OnCallStore.StoredEntry stored : store.all()) {
            switch (stored.kind()) {
                case PERSON -> add(stored, Person.class, people);
                case SCHEDULE -> add(stored, Schedule.class, schedules);
                case POLICY -> add(stored, Policy.class, policies);
            }
        }
        return new OnCallEntries(people, schedules, policies);
    }

    private <T> void add(OnCallStore.StoredEntry stored, Class<T> type, Map<String, Entry<T>> into) {
        Entry<T> existing = into.get(stored.name());
        if (existing != null && existing.configured()) {
            warnOnce(stored, "BLACKSTART-ONCALL-001 " + stored.kind().label() + " '" + stored.name() + "' is now defined in "
                    + existing.configPath() + "; the configuration wins over the copy created through the API");
            return;
        }
        try {
            into.put(stored.name(), Entry.stored(stored.name(), store.read(stored, type)));
        } catch (Exception e) {
            warnOnce(stored, "BLACKSTART-ONCALL-002 " + stored.kind().label() + " '" + stored.name()
                    + "' in bs_oncall_entry cannot be read and is ignored: " + e.getMessage());
        }
    }

    private void warnOnce(OnCallStore.StoredEntry stored, String message) {
        if (warned.add(stored.kind() + "/" + stored.name() + "/" + stored.document().hashCode())) {
            LOG.warn(message);
        }
    }
}
