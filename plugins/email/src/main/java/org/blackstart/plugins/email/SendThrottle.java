package org.blackstart.plugins.email;

import java.util.concurrent.TimeUnit;

/**
 * At most {@code perSecond} messages per second across every connection of a fan-out: each send
 * takes the next free slot, evenly spaced, so the rate holds without bursts. 0 means no limit.
 */
final class SendThrottle {

    private final long intervalNanos;
    private long nextSlot;

    SendThrottle(int perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.nextSlot = System.nanoTime();
    }

    /** Waits for this send's slot. */
    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            slot = Math.max(System.nanoTime(), nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
