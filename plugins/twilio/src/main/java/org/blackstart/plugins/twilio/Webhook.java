package org.blackstart.plugins.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request from Twilio, after its signature was checked: the query string of the callback URL
 * (what the platform put there) and the POST form parameters (what Twilio reports).
 */
record Webhook(String path, String rawQuery, Map<String, List<String>> query, Map<String, List<String>> form) {

    String queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String formValue(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A query parameter the platform put into the callback URL; its absence means the URL is not ours. */
    String requiredQuery(String name) {
        String value = queryValue(name);
        if (value == null || value.isBlank()) {
            throw new BadWebhookRequest(name, "query parameter '" + name + "' is missing from the callback URL");
        }
        return value;
    }

    String requiredForm(String name) {
        String value = formValue(name);
        if (value == null || value.isBlank()) {
            throw new BadWebhookRequest(name, "form parameter '" + name + "' is missing");
        }
        return value;
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /**
     * The POST parameters from what the HTTP engine left in the body: the raw form text, or a map
     * of parameters. A servlet engine's map also holds the query parameters, before the body's
     * (Servlet specification 3.1.1); those are taken off again, since Twilio signs only the body's.
     */
    static Map<String, List<String>> formParameters(Object body, Map<String, List<String>> query) {
        if (body == null) {
            return new LinkedHashMap<>();
        }
        if (body instanceof String text) {
            return parseQuery(text);
        }
        if (body instanceof byte[] bytes) {
            return parseQuery(new String(bytes, StandardCharsets.UTF_8));
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw new BadWebhookRequest("body", "expected an application/x-www-form-urlencoded body");
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            List<String> values = new ArrayList<>(valuesOf(value));
            List<String> fromQuery = query.getOrDefault(String.valueOf(name), List.of());
            if (!fromQuery.isEmpty() && values.size() >= fromQuery.size()
                    && values.subList(0, fromQuery.size()).equals(fromQuery)) {
                values = new ArrayList<>(values.subList(fromQuery.size(), values.size()));
            }
            if (!values.isEmpty()) {
                form.put(String.valueOf(name), values);
            }
        });
        return form;
    }

    private static List<String> valuesOf(Object value) {
        if (value == null) {
            return List.of("");
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(v -> v == null ? "" : v.toString()).toList();
        }
        return List.of(value.toString());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** A signed request that lacks what the endpoint needs: 400, naming the field. */
    static final class BadWebhookRequest extends RuntimeException {
        private final String field;

        BadWebhookRequest(String field, String detail) {
            super(detail);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** No signature, or one that does not match: 403, and nothing else happens. */
    static final class InvalidSignature extends RuntimeException {
        InvalidSignature(String detail) {
            super(detail);
        }
    }
}
