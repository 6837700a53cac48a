package org.blackstart.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The remote side asked us to wait (HTTP 429 with a reset time, a maintenance window). The bridge
 * retries the task after {@link #after()} without counting it against the task's retries, because
 * nothing failed: sending now would only be refused again.
 */
public class RetryLater extends RuntimeException {

    private final Duration after;

    public RetryLater(Duration after, String message) {
        super(message);
        Objects.requireNonNull(after, "after");
        this.after = after.isNegative() ? Duration.ZERO : after;
    }

    public Duration after() {
        return after;
    }
}
