package org.blackstart.plugins.email;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;

/**
 * Collects the messages the server accepted and records them with {@link DeliveryLedger#markAllSent}
 * every {@link #BATCH} messages or {@link #MAX_AGE}, whichever comes first, and whenever the fan-out
 * finishes a page or stops.
 *
 * <p>This is the fan-out's one crash window: a message accepted by the server but not yet recorded
 * is still a live claim in the ledger; after a crash its lease expires and the retry sends it again,
 * with the same Message-ID. Batching keeps the ledger's cost per message low and bounds that window
 * to at most {@link #BATCH} messages per fan-out (plus the one batch being written), or
 * {@link #MAX_AGE} of sending.
 */
final class SentMarks {

    static final int BATCH = 50;
    static final Duration MAX_AGE = Duration.ofMillis(200);

    private final DeliveryLedger ledger;
    private Map<DeliveryKey, String> pending = new LinkedHashMap<>();
    private long oldestNanos;

    SentMarks(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    /** Notes an accepted message; records the batch when it is full or old enough. */
    void accepted(DeliveryKey key, String messageId) {
        Map<DeliveryKey, String> due;
        synchronized (this) {
            if (pending.isEmpty()) {
                oldestNanos = System.nanoTime();
            }
            pending.put(key, messageId);
            due = pending.size() >= BATCH || age() >= MAX_AGE.toNanos() ? take() : null;
        }
        record(due);
    }

    /** Records the batch if its oldest message waits longer than {@link #MAX_AGE}, e.g. while throttled. */
    void recordIfDue() {
        Map<DeliveryKey, String> due;
        synchronized (this) {
            due = !pending.isEmpty() && age() >= MAX_AGE.toNanos() ? take() : null;
        }
        record(due);
    }

    /** Records everything noted so far. */
    void recordAll() {
        Map<DeliveryKey, String> due;
        synchronized (this) {
            due = pending.isEmpty() ? null : take();
        }
        record(due);
    }

    private long age() {
        return System.nanoTime() - oldestNanos;
    }

    private Map<DeliveryKey, String> take() {
        Map<DeliveryKey, String> taken = pending;
        pending = new LinkedHashMap<>();
        return taken;
    }

    // Outside the lock: the other connections keep sending while one batch is written.
    private void record(Map<DeliveryKey, String> batch) {
        if (batch != null) {
            ledger.markAllSent(batch);
        }
    }
}
