package org.blackstart.app.oncall;

/** One thing wrong with an entry: {@code field} is the path to it, e.g. {@code levels[1].targets[0]}. */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
