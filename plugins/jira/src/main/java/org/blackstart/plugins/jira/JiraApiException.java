package org.blackstart.plugins.jira;

/**
 * Jira answered in a way that is neither success nor a refusal of the case: bad credentials, a
 * server error, an answer without the field we need. The bridge retries the task, then raises a
 * Camunda incident with this message, which names the account and what went wrong, never a secret.
 */
class JiraApiException extends RuntimeException {

    private final int httpStatus;

    JiraApiException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    JiraApiException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
    }

    /** The HTTP status Jira answered with; 0 when it could not be reached. */
    int httpStatus() {
        return httpStatus;
    }
}
