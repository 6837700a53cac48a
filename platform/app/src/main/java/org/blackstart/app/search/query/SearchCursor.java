package org.blackstart.app.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import org.blackstart.app.search.DocType;

/**
 * Where a page of hits ended: the sort values of its last hit (score when the search has words, then time, type and
 * id). Handed out as {@code next}, opaque to callers (base64url of a small JSON object), and checked field by field
 * when it comes back as {@code after}: it ends up in a query, so anything but what this class wrote is refused.
 * Both engines read the same cursor, so a search that falls back to the database mid-way keeps its place.
 *
 * @param score      the last hit's score, {@code null} for a search without words
 * @param occurredAt the last hit's time
 * @param type       the last hit's type code
 * @param id         the last hit's id
 */
record SearchCursor(Double score, Instant occurredAt, String type, String id) {

    private static final int MAX_LENGTH = 400;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> FIELDS = Set.of("s", "at", "t", "id");
    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode node = JSON.createObjectNode();
        if (score != null) {
            node.put("s", score);
        }
        node.put("at", occurredAt.toString());
        node.put("t", type);
        node.put("id", id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws SearchProblem (400) for anything {@link #encode()} did not write */
    static SearchCursor decode(String after) {
        if (after.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(after.strip()));
            if (node == null || !node.isObject()) {
                throw invalid();
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw invalid();
                }
            });
            JsonNode score = node.get("s");
            JsonNode at = node.get("at");
            JsonNode type = node.get("t");
            JsonNode id = node.get("id");
            if ((score != null && !score.isNumber()) || at == null || !at.isTextual() || type == null || !type.isTextual()
                    || DocType.of(type.asText()).isEmpty() || id == null || !id.isTextual()
                    || !ID.matcher(id.asText()).matches()) {
                throw invalid();
            }
            double value = score == null ? 0 : score.asDouble();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw invalid();
            }
            return new SearchCursor(score == null ? null : value, Instant.parse(at.asText()), type.asText(), id.asText());
        } catch (IllegalArgumentException | DateTimeParseException | java.io.IOException garbage) {
            throw invalid();
        }
    }

    private static SearchProblem invalid() {
        return SearchProblem.invalid("after must be the 'next' of the previous page, unchanged");
    }
}
