package org.blackstart.app.oncall;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything the directory knows at one moment: configuration and API entries together, by name. */
record OnCallEntries(Map<String, Entry<Person>> people, Map<String, Entry<Schedule>> schedules,
                     Map<String, Entry<Policy>> policies) {

    OnCallEntries {
        people = Collections.unmodifiableMap(new LinkedHashMap<>(people));
        schedules = Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
        policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    }

    static OnCallEntries empty() {
        return new OnCallEntries(Map.of(), Map.of(), Map.of());
    }
}
