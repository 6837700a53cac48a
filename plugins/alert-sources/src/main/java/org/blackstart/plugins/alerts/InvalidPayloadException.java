package org.blackstart.plugins.alerts;

/** A payload the source's published format does not allow; the message names the field at fault. */
public class InvalidPayloadException extends RuntimeException {

    public InvalidPayloadException(String message) {
        super(message);
    }
}
