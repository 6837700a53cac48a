package org.blackstart.plugins.restscheduler;

/**
 * The scheduler refused a call, or could not be reached ({@code httpStatus} 0). The message holds the
 * scheduler's own answer, never the token.
 */
class SchedulerApiException extends RuntimeException {

    private final int httpStatus;

    SchedulerApiException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** Worth trying again later: unreachable, a refused token someone will renew, a rate limit, a 5xx. */
    boolean passing() {
        return httpStatus == 0 || httpStatus == 401 || httpStatus == 403 || httpStatus == 429 || httpStatus >= 500;
    }
}
