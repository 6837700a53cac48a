package org.blackstart.app.oncall;

import java.util.Optional;

/** A level's target: {@code person:<id>} or {@code schedule:<name>}. */
record Target(Kind kind, String name) {

    enum Kind { PERSON, SCHEDULE }

    static Optional<Target> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String name = text.substring(colon + 1);
        return switch (text.substring(0, colon)) {
            case "person" -> Optional.of(new Target(Kind.PERSON, name));
            case "schedule" -> Optional.of(new Target(Kind.SCHEDULE, name));
            default -> Optional.empty();
        };
    }
}
