package org.blackstart.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;

/** The ledger's contract, in memory, for plugin tests. Same lease rules as the platform's table. */
public class InMemoryDeliveryLedger implements DeliveryLedger {

    public enum State { CLAIMED, SENT, RELEASED, REFUSED }

    public record Entry(State state, Instant claimedUntil, int attempts, String remoteReference) {
    }

    private final Map<DeliveryKey, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryDeliveryLedger() {
        this(Clock.systemUTC());
    }

    public InMemoryDeliveryLedger(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Claim claim(DeliveryKey key, Duration lease) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && (entry.state() == State.SENT || entry.state() == State.REFUSED)) {
            return Claim.ALREADY_SENT;
        }
        if (entry != null && entry.state() == State.CLAIMED && entry.claimedUntil().isAfter(now)) {
            return Claim.IN_PROGRESS;
        }
        int attempts = entry == null ? 1 : entry.attempts() + 1;
        entries.put(key, new Entry(State.CLAIMED, now.plus(lease), attempts, null));
        return Claim.SEND;
    }

    @Override
    public synchronized void markSent(DeliveryKey key, String remoteReference) {
        Entry entry = entries.get(key);
        int attempts = entry == null ? 1 : entry.attempts();
        entries.put(key, new Entry(State.SENT, clock.instant(), attempts, remoteReference));
    }

    @Override
    public synchronized java.util.Optional<String> sentReference(DeliveryKey key) {
        Entry entry = entries.get(key);
        return entry == null || entry.state() != State.SENT
                ? java.util.Optional.empty() : java.util.Optional.ofNullable(entry.remoteReference());
    }

    @Override
    public synchronized void release(DeliveryKey key, String reason) {
        Entry entry = entries.get(key);
        if (entry != null && entry.state() == State.CLAIMED) {
            entries.put(key, new Entry(State.RELEASED, clock.instant(), entry.attempts(), null));
        }
    }

    @Override
    public synchronized void markRefused(DeliveryKey key, String reason) {
        Entry entry = entries.get(key);
        if (entry != null && entry.state() == State.CLAIMED) {
            entries.put(key, new Entry(State.REFUSED, null, entry.attempts(), reason));
        }
    }

    public Entry entry(DeliveryKey key) {
        return entries.get(key);
    }

    public List<DeliveryKey> sent() {
        return entries.entrySet().stream().filter(e -> e.getValue().state() == State.SENT).map(Map.Entry::getKey).toList();
    }

    /** Deliveries the remote side refused for good, see {@link #markRefused}. */
    public List<DeliveryKey> refused() {
        return entries.entrySet().stream().filter(e -> e.getValue().state() == State.REFUSED).map(Map.Entry::getKey).toList();
    }

    public void clear() {
        entries.clear();
    }
}
