package org.blackstart.spi;

import java.util.Objects;

/**
 * A failure the process should handle, not retry: the recipient does not exist, the vendor closed
 * the case. The bridge turns it into a BPMN error with {@link #errorCode()}, which a boundary event
 * in the process can catch. Anything else a route throws is technical and retried.
 */
public class BusinessFailure extends RuntimeException {

    private final String errorCode;

    public BusinessFailure(String errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public String errorCode() {
        return errorCode;
    }
}
