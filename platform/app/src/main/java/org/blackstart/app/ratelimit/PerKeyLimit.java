package org.blackstart.app.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code requests} per {@code per} for each key (a client address, an e-mail address), one
 * Bucket4j bucket per key, refilled evenly. Keeps the most recently used {@code maxKeys} buckets, so
 * a flood of new keys costs bounded memory; a key pushed out starts afresh, which lets through no
 * more than the keys' own limits would have.
 */
public final class PerKeyLimit {

    private final int requests;
    private final Duration per;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    public PerKeyLimit(int requests, Duration per, int maxKeys, Clock clock) {
        if (requests < 1 || per.isZero() || per.isNegative() || maxKeys < 1) {
            throw new IllegalArgumentException("a limit needs at least one request in a positive period, was "
                    + requests + " per " + per);
        }
        this.requests = requests;
        this.per = per;
        this.time = timeOf(clock);
        this.buckets = lru(maxKeys);
    }

    /** Counts one for {@code key}: empty when it is within the limit, otherwise how long until the next one is. */
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(roundUp(probe.getNanosToWaitForRefill()));
    }

    /** Counts one for {@code key}; true when that used up what the key may have, so the next would be refused. */
    public boolean countAndCheckExhausted(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return !probe.isConsumed() || probe.getRemainingTokens() == 0;
    }

    public void forget(String key) {
        buckets.remove(key);
    }

    private Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, per))
                .withCustomTimePrecision(time).build());
    }

    /** Whole seconds, at least one: what a Retry-After header can say. */
    static Duration roundUp(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    static <V> Map<String, V> lru(int maxKeys) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxKeys;
            }
        });
    }

    static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
