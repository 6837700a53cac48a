package org.blackstart.plugins.twilio;

import java.time.Duration;
import java.util.Set;

/**
 * Twilio's REST API refused a request, or could not be reached ({@code httpStatus} 0). The message
 * holds Twilio's own error code and text, never the credentials.
 */
class TwilioApiException extends RuntimeException {

    /**
     * Errors about the number itself (invalid, unreachable, not a mobile, unsubscribed): trying
     * again cannot help, the process must page someone else.
     */
    private static final Set<Integer> UNDELIVERABLE = Set.of(
            13223, 13224, 21211, 21214, 21217, 21401, 21407, 21408, 21610, 21612, 21614);

    private final int httpStatus;
    private final Integer code;
    private final Duration retryAfter;

    TwilioApiException(String message, int httpStatus, Integer code, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    int httpStatus() {
        return httpStatus;
    }

    Integer code() {
        return code;
    }

    /** What Twilio's {@code Retry-After} asked for, or {@code null}. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** The number cannot be paged, now or later. */
    boolean recipientUndeliverable() {
        return code != null && UNDELIVERABLE.contains(code);
    }
}
