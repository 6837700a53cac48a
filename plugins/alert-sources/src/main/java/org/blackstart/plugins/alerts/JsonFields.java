package org.blackstart.plugins.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads fields of a JSON payload strictly, naming the field by its path when it is wrong. */
final class JsonFields {

    /** Go's zero time: Alertmanager and Grafana send it as endsAt of an alert that has not ended. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private JsonFields() {
    }

    static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidPayloadException(path + " is required");
        }
        if (!node.isObject()) {
            throw new InvalidPayloadException(path + " must be an object");
        }
        return node;
    }

    static String requiredText(JsonNode parent, String field, String path) {
        String value = optionalText(parent, field, path);
        if (value == null || value.isBlank()) {
            throw new InvalidPayloadException(path + " is required");
        }
        return value;
    }

    static String optionalText(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidPayloadException(path + " must be a string");
        }
        return node.asText();
    }

    static String oneOf(JsonNode parent, String field, String path, Set<String> allowed, String allowedText) {
        String value = requiredText(parent, field, path);
        if (!allowed.contains(value)) {
            throw new InvalidPayloadException(path + " must be " + allowedText + ", was '" + abbreviate(value) + "'");
        }
        return value;
    }

    static String maxLength(String value, int max, String path) {
        if (value != null && value.length() > max) {
            throw new InvalidPayloadException(path + " must be at most " + max + " characters");
        }
        return value;
    }

    /** An RFC 3339 timestamp; Go's zero time and an absent field are {@code null}. */
    static Instant timestamp(JsonNode parent, String field, String path) {
        String text = optionalText(parent, field, path);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return instant.equals(GO_ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException(path + " must be an RFC 3339 timestamp such as 2026-11-23T23:45:00Z, was '"
                    + abbreviate(text) + "'");
        }
    }

    /** An object of string values, such as labels or annotations; absent is empty. */
    static Map<String, String> stringMap(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new InvalidPayloadException(path + " must be an object of strings");
        }
        node.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual()) {
                throw new InvalidPayloadException(path + "." + entry.getKey() + " must be a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        });
        return map;
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
