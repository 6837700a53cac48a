package org.blackstart.plugins.email;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;

/**
 * Collects the messages the server accepted and records them with {@link DeliveryLedger#markAllSent}
 * every {@link #BATCH} messages or {@link #MAX_AGE}, whichever comes first, and whenever the fan-out
 * stops.
 *
 * <p>This is the fan-out's one crash window: a message accepted by the server but not yet recorded
 * is still a live claim in the ledger; after a crash its lease expires and the retry sends it again,
 * with the same Message-ID. Batching keeps the ledger's cost per message low and bounds that window
 * to at most {@link #BATCH} messages per fan-out plus the one batch being written, or
 * {@link #MAX_AGE} of sending.
 *
 * <p>A batch is written by a thread of its own, so the connections go on sending during the
 * ledger's commit; only one batch is written at a time, and the next one waits for it, so the window
 * never grows beyond that. A failed write is thrown to the next caller, and {@link #recordAll} waits
 * until everything is written.
 */
final class SentMarks implements AutoCloseable {

    static final int BATCH = 50;
    static final Duration MAX_AGE = Duration.ofMillis(200);

    private final DeliveryLedger ledger;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "email-sent-marks");
        thread.setDaemon(true);
        return thread;
    });
    private final Object writing = new Object();
    private Future<?> lastWrite = CompletableFuture.completedFuture(null);
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

    /** Records everything noted so far and waits until it is written. */
    void recordAll() {
        Map<DeliveryKey, String> due;
        synchronized (this) {
            due = pending.isEmpty() ? null : take();
        }
        record(due);
        synchronized (writing) {
            awaitLastWrite();
        }
    }

    private long age() {
        return System.nanoTime() - oldestNanos;
    }

    private Map<DeliveryKey, String> take() {
        Map<DeliveryKey, String> taken = pending;
        pending = new LinkedHashMap<>();
        return taken;
    }

    // Outside the batch's lock: the other connections keep noting messages while one batch waits.
    private void record(Map<DeliveryKey, String> batch) {
        if (batch == null) {
            return;
        }
        synchronized (writing) {
            awaitLastWrite();
            lastWrite = writer.submit(() -> ledger.markAllSent(batch));
        }
    }

    // Not interruptible: a fan-out that is being stopped still records what the server accepted.
    private void awaitLastWrite() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    lastWrite.get();
                    return;
                } catch (ExecutionException failed) {
                    lastWrite = CompletableFuture.completedFuture(null);
                    throw failed.getCause() instanceof RuntimeException e ? e
                            : new IllegalStateException("recording sent messages failed", failed.getCause());
                } catch (InterruptedException stopping) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the writer; call after {@link #recordAll}. */
    @Override
    public void close() {
        writer.shutdownNow();
    }
}
