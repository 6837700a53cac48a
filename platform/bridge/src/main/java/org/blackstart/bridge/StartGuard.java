package org.blackstart.bridge;

import java.util.function.Supplier;
import org.blackstart.spi.StartOutcome;

/**
 * Makes {@code blackstart:start} idempotent per dedup key. The platform implements it with a
 * unique row written in the same transaction as the start, so that two nodes receiving the same
 * alert at once still open one incident.
 */
public interface StartGuard {

    /**
     * Runs {@code start} unless {@code dedupKey} started an instance before, in which case the
     * earlier outcome comes back with {@code created = false}.
     */
    StartOutcome startOnce(String dedupKey, Supplier<StartOutcome> start);

    /** No deduplication: every call starts an instance. */
    StartGuard NONE = (dedupKey, start) -> start.get();
}
