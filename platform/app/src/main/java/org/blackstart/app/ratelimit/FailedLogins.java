package org.blackstart.app.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per client address: {@code maxFailures} within {@code window} are allowed; the one
 * that uses them up blocks the address for {@code block}. Counted per address, never per user, so
 * that wrong passwords from one place cannot lock a person out everywhere. A successful login does not
 * wipe the count: whoever holds one valid account could otherwise mix it in to keep guessing others'.
 */
public final class FailedLogins {

    private static final int MAX_ADDRESSES = 50_000;

    private final PerKeyLimit failures;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Instant> blockedUntil = PerKeyLimit.lru(MAX_ADDRESSES);

    public FailedLogins(int maxFailures, Duration window, Duration block, Clock clock) {
        this.failures = new PerKeyLimit(maxFailures, window, MAX_ADDRESSES, clock);
        this.block = block;
        this.clock = clock;
    }

    /** How long {@code address} stays blocked; empty when it may try. */
    public Optional<Duration> blocked(String address) {
        Instant until = blockedUntil.get(address);
        if (until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            blockedUntil.remove(address);
            return Optional.empty();
        }
        return Optional.of(PerKeyLimit.roundUp(left.toNanos()));
    }

    /** Records a failed login from {@code address}; true when that blocked it. */
    public boolean failed(String address) {
        if (!failures.countAndCheckExhausted(address)) {
            return false;
        }
        // A block ends with a clean slate: the address gets its full allowance again afterwards.
        failures.forget(address);
        blockedUntil.put(address, clock.instant().plus(block));
        return true;
    }
}
