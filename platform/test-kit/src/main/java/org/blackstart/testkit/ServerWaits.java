package org.blackstart.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounded waits for the servers the kit starts as processes. An interrupt ends a wait at once and
 * stays set, so a test run being stopped is not held up by a server that is slow to start or stop.
 */
public final class ServerWaits {

    private ServerWaits() {
    }

    /** Whether the process ended within the limit (a negative limit waits not at all). */
    public static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Pauses between two polls of a starting server, named in the failure when interrupted. */
    public static void pause(Duration pause, String server) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + server, e);
        }
    }
}
