package org.blackstart.plugins.servicenow;

/**
 * A technical failure talking to a ServiceNow instance: unreachable, refused credentials, a 5xx,
 * an answer without the fields we need. The bridge retries the task and then raises a Camunda
 * incident showing this message, so it names the account and what went wrong, never a secret.
 */
class ServiceNowException extends RuntimeException {

    private final int status;

    ServiceNowException(String message, int status) {
        super(message);
        this.status = status;
    }

    ServiceNowException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status ServiceNow answered, 0 when there was no answer. */
    int status() {
        return status;
    }

    /** The record is not there (deleted, or not visible to the integration user). */
    static final class NotFound extends ServiceNowException {
        NotFound(String message) {
            super(message, 404);
        }
    }
}
