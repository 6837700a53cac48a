package org.blackstart.testkit.vendor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.SingleNodeLease;

/**
 * {@link SingleNodeLease} for tests. One instance stands for one node; {@link #cluster()} gives
 * nodes that share their leases, so a test can show that only one of them polls.
 */
public class InMemorySingleNodeLease implements SingleNodeLease {

    private record Held(Object node, long until) {
    }

    private final Map<String, Held> leases;
    private final Object node = new Object();

    public InMemorySingleNodeLease() {
        this(new ConcurrentHashMap<>());
    }

    private InMemorySingleNodeLease(Map<String, Held> leases) {
        this.leases = leases;
    }

    /** Another node of the same cluster. */
    public InMemorySingleNodeLease cluster() {
        return new InMemorySingleNodeLease(leases);
    }

    @Override
    public boolean tryHold(String name, Duration ttl) {
        long now = System.nanoTime();
        Held held = leases.compute(name, (key, current) ->
                current == null || current.node() == node || current.until() - now < 0
                        ? new Held(node, now + ttl.toNanos()) : current);
        return held.node() == node;
    }
}
