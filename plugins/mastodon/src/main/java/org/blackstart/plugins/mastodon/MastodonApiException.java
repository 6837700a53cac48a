package org.blackstart.plugins.mastodon;

import java.time.Instant;

/**
 * The Mastodon instance refused a request, or could not be reached ({@code httpStatus} 0). The
 * message holds the instance's own {@code error} text, never the access token.
 */
class MastodonApiException extends RuntimeException {

    private final int httpStatus;
    private final Instant rateLimitReset;

    MastodonApiException(String message, int httpStatus, Instant rateLimitReset, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.rateLimitReset = rateLimitReset;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** When a 429 said the limit resets ({@code X-RateLimit-Reset}), or {@code null}. */
    Instant rateLimitReset() {
        return rateLimitReset;
    }

    boolean unavailable() {
        return httpStatus == 0 || httpStatus >= 500;
    }

    /** 422: the instance will not take this status as it is (too long, empty, language unknown). */
    boolean refused() {
        return httpStatus == 422;
    }
}
