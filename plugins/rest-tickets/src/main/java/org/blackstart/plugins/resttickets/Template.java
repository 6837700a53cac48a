package org.blackstart.plugins.resttickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured path or body with {@code ${name}} placeholders. Checked when the platform starts:
 * every placeholder must be one the call can fill. Filled in a body, a value is JSON-escaped (the
 * template puts the quotes); in a path, it is URL-encoded.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final String source;

    /**
     * @param key     the configuration key, for messages: {@code ...accounts.acme.open.body}
     * @param allowed the placeholders this call can fill
     */
    Template(String key, String source, Set<String> allowed) {
        this.key = key;
        this.source = source;
        Matcher matcher = PLACEHOLDER.matcher(source);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                throw new InvalidTemplate(key + " uses ${" + matcher.group(1) + "}, which this call cannot fill; it may use "
                        + String.join(", ", new TreeSet<>(allowed).stream().map(name -> "${" + name + "}").toList()));
            }
        }
        String rest = matcher.replaceAll("");
        if (rest.contains("${")) {
            throw new InvalidTemplate(key + " has a placeholder without its closing '}'");
        }
    }

    String key() {
        return key;
    }

    /** The body with {@code values} JSON-escaped into it. */
    String json(Map<String, String> values) {
        return fill(values, Template::jsonEscaped);
    }

    /** The path with {@code values} URL-encoded into it. */
    String path(Map<String, String> values) {
        return fill(values, value -> URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private String fill(Map<String, String> values, java.util.function.UnaryOperator<String> encode) {
        Matcher matcher = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value == null ? "" : value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String jsonEscaped(String value) {
        try {
            String quoted = JSON.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always JSON", e);
        }
    }

    /** A template the platform cannot start with; the message names the configuration key. */
    static final class InvalidTemplate extends RuntimeException {
        InvalidTemplate(String message) {
            super(message);
        }
    }
}
