package org.blackstart.app.api;

import java.io.IOException;

/** Thrown while reading a request body that turns out longer than the limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
