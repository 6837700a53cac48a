package org.blackstart.bridge;

import java.util.Locale;

enum EndpointKind {
    TASK, START, MESSAGE;

    static EndpointKind parse(String text, String uri) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown blackstart endpoint kind '" + text + "' in " + uri
                    + "; use task, start or message");
        }
    }
}
