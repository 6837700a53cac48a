package org.blackstart.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.blackstart.bridge.StartGuard;
import org.blackstart.spi.StartOutcome;

/** {@link StartGuard} in memory, for one JVM: enough for tests of routes that start processes. */
public class InMemoryStartGuard implements StartGuard {

    private final Map<String, StartOutcome> started = new ConcurrentHashMap<>();

    @Override
    public StartOutcome startOnce(String dedupKey, Supplier<StartOutcome> start) {
        boolean[] created = {false};
        StartOutcome outcome = started.computeIfAbsent(dedupKey, key -> {
            created[0] = true;
            return start.get();
        });
        return created[0] ? outcome : new StartOutcome(outcome.processInstanceId(), outcome.businessKey(), false);
    }
}
