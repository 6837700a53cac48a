package org.blackstart.plugins.x;

import java.time.Instant;

/**
 * X's API refused a request, or could not be reached ({@code httpStatus} 0). The message holds
 * X's own words (its problem {@code title} and {@code detail}), never a token or a secret.
 */
class XApiException extends RuntimeException {

    private final int httpStatus;
    private final Instant rateLimitReset;

    XApiException(String message, int httpStatus, Instant rateLimitReset, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.rateLimitReset = rateLimitReset;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** When a 429 said the limit resets ({@code x-rate-limit-reset}), or {@code null}. */
    Instant rateLimitReset() {
        return rateLimitReset;
    }

    /** X itself is down or out of reach: no answer, or a 5xx. */
    boolean unavailable() {
        return httpStatus == 0 || httpStatus >= 500;
    }
}
