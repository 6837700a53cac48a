package org.blackstart.app.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.blackstart.app.ratelimit.PerKeyLimit;
import org.springframework.stereotype.Component;

/**
 * The rate limits of {@code /status/subscribe}, per client address and per e-mail address
 * ({@code blackstart.statuspage.subscribe-limits}). Kept in this node's memory: a cluster of n nodes
 * allows up to n times as much, which still bounds it.
 */
@Component
class SubscribeLimits {

    private static final int MAX_KEYS = 50_000;

    private final PerKeyLimit perClient;
    private final PerKeyLimit perEmail;

    SubscribeLimits(SubscribeLimitProperties properties, Clock clock) {
        this.perClient = new PerKeyLimit(properties.perClientAddress(), properties.clientWindow(), MAX_KEYS, clock);
        this.perEmail = new PerKeyLimit(properties.perEmailAddress(), properties.emailWindow(), MAX_KEYS, clock);
    }

    /**
     * Counts a request from {@code clientAddress}, {@link jakarta.servlet.ServletRequest#getRemoteAddr()}:
     * X-Forwarded-For is not trusted by default, as anyone can send it; behind a reverse proxy the operator
     * sets {@code server.forward-headers-strategy} so that the remote address is the real client's.
     *
     * @return empty when within the limit, otherwise how long the client has to wait
     */
    Optional<Duration> client(String clientAddress) {
        return perClient.tryAcquire(clientAddress);
    }

    /** Counts a request for the (normalised) {@code email}; as {@link #client(String)}. */
    Optional<Duration> email(String email) {
        return perEmail.tryAcquire(email);
    }

    /** Thrown when a limit is reached; nothing was stored or sent. */
    static final class LimitReached extends RuntimeException {
        final Duration retryAfter;

        LimitReached(Duration retryAfter) {
            super("too many subscription requests; try again in " + retryAfter.toSeconds() + " seconds");
            this.retryAfter = retryAfter;
        }
    }
}
