package org.blackstart.plugins.resttickets;

/**
 * A vendor portal answered in a way that is neither success nor a refusal of the case: bad
 * credentials, a server error, an answer without the field the mapping points at. The bridge
 * retries the task, then raises a Camunda incident with this message, which names the account and
 * what went wrong, never a secret.
 */
class PortalApiException extends RuntimeException {

    PortalApiException(String message) {
        super(message);
    }

    PortalApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
