package org.blackstart.app.vendor.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What is wrong with one field of a vendor, in words for the person who wrote it.
 *
 * @param field as in JSON, e.g. {@code ackSla.SEV2} or {@code contacts[0].phone}
 */
public record FieldProblem(String field, String message) {

    /** The field as a configuration property below the vendor's prefix: {@code ack-sla.SEV2}. */
    String propertyPath() {
        return Arrays.stream(field.split("\\."))
                // severity keys stay as written (SEV2); camelCase names become kebab-case
                .map(part -> part.matches("SEV\\d") ? part
                        : part.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("."));
    }

    @Override
    public String toString() {
        return field + " " + message;
    }
}
