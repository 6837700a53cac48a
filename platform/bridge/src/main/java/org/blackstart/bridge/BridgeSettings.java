package org.blackstart.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the bridge fetches and retries external tasks.
 *
 * @param workerId     identifies this node in Camunda's locks; unique per node
 * @param lockDuration how long a fetched task stays locked; long work extends it every half
 * @param pollDelay    pause between polls when there was nothing to do
 * @param maxTasks     tasks fetched per poll and topic
 * @param retries      retries after the first failure before a Camunda incident opens
 * @param retryBackoff wait before each retry; the last entry repeats
 */
public record BridgeSettings(String workerId, Duration lockDuration, Duration pollDelay, int maxTasks,
                             int retries, List<Duration> retryBackoff) {

    public BridgeSettings {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(lockDuration, "lockDuration");
        Objects.requireNonNull(pollDelay, "pollDelay");
        if (lockDuration.toMillis() < 1000) {
            throw new IllegalArgumentException("lockDuration must be at least 1s, was " + lockDuration);
        }
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be at least 1, was " + maxTasks);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, was " + retries);
        }
        retryBackoff = retryBackoff == null || retryBackoff.isEmpty() ? List.of(Duration.ZERO) : List.copyOf(retryBackoff);
    }

    public static BridgeSettings defaults(String workerId) {
        return new BridgeSettings(workerId, Duration.ofMinutes(1), Duration.ofMillis(500), 10, 3,
                List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5)));
    }

    /** Wait before retry number {@code retry} (1-based). */
    public Duration backoffBefore(int retry) {
        int index = Math.max(0, Math.min(retry - 1, retryBackoff.size() - 1));
        return retryBackoff.get(index);
    }
}
