package org.blackstart.plugins.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertStatus;

/**
 * One event of the generic events API, shaped like PagerDuty Events API v2: {@code routing_key},
 * {@code event_action} (trigger, acknowledge, resolve), {@code dedup_key} and, for a trigger, a
 * {@code payload} with {@code summary}, {@code source} and {@code severity}.
 */
final class EventsApiParser implements PayloadParser {

    static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final int MAX_KEY = 255;
    private static final int MAX_SUMMARY = 1024;

    private final Supplier<String> newDedupKey;

    EventsApiParser() {
        this(() -> UUID.randomUUID().toString().replace("-", ""));
    }

    EventsApiParser(Supplier<String> newDedupKey) {
        this.newDedupKey = newDedupKey;
    }

    @Override
    public List<AlertEvent> parse(JsonNode root) {
        return List.of(event(root));
    }

    AlertEvent event(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidPayloadException("the body must be a JSON object");
        }
        String routingKey = JsonFields.maxLength(JsonFields.requiredText(root, "routing_key", "routing_key"), MAX_KEY,
                "routing_key");
        String action = JsonFields.oneOf(root, "event_action", "event_action", ACTIONS, "trigger, acknowledge or resolve");
        String dedupKey = JsonFields.maxLength(JsonFields.optionalText(root, "dedup_key", "dedup_key"), MAX_KEY, "dedup_key");
        if (dedupKey != null && dedupKey.isBlank()) {
            dedupKey = null;
        }
        if (!"trigger".equals(action)) {
            if (dedupKey == null) {
                throw new InvalidPayloadException("dedup_key is required to " + action + " an event");
            }
            // PagerDuty ignores the payload of acknowledge and resolve; so do we, beyond the key.
            Map<String, String> labels = Map.of("routing_key", routingKey);
            return new AlertEvent(dedupKey, "acknowledge".equals(action) ? AlertStatus.ACKNOWLEDGED : AlertStatus.RESOLVED,
                    "", null, null, null, labels, Map.of(), null);
        }
        JsonNode payload = JsonFields.object(root, "payload", "payload");
        String summary = JsonFields.maxLength(JsonFields.requiredText(payload, "summary", "payload.summary"), MAX_SUMMARY,
                "payload.summary");
        String source = JsonFields.requiredText(payload, "source", "payload.source");
        String severity = JsonFields.oneOf(payload, "severity", "payload.severity", SEVERITIES,
                "critical, error, warning or info");
        var timestamp = JsonFields.timestamp(payload, "timestamp", "payload.timestamp");

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("source", source);
        for (String field : List.of("component", "group", "class")) {
            String value = JsonFields.optionalText(payload, field, "payload." + field);
            if (value != null && !value.isBlank()) {
                labels.put(field, value);
            }
        }
        labels.put("routing_key", routingKey);
        Map<String, String> annotations = new LinkedHashMap<>();
        JsonNode details = payload.get("custom_details");
        if (details != null && !details.isNull()) {
            flatten(details, "", annotations);
        }
        return new AlertEvent(dedupKey != null ? dedupKey : newDedupKey.get(), AlertStatus.FIRING, summary, severity,
                timestamp, null, labels, annotations, link(root));
    }

    /** Nested details become dotted names ({@code disk.free}), arrays indexed ({@code hosts[0]}). */
    private static void flatten(JsonNode node, String name, Map<String, String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(e.getValue(), name.isEmpty() ? e.getKey() : name + "." + e.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), name + "[" + i + "]", into);
            }
        } else if (!node.isNull()) {
            into.put(name.isEmpty() ? "custom_details" : name, node.asText());
        }
    }

    private static String link(JsonNode root) {
        JsonNode links = root.get("links");
        if (links != null && links.isArray()) {
            for (int i = 0; i < links.size(); i++) {
                JsonNode link = links.get(i);
                if (!link.isObject()) {
                    throw new InvalidPayloadException("links[" + i + "] must be an object with href");
                }
                String href = JsonFields.requiredText(link, "href", "links[" + i + "].href");
                return href;
            }
        } else if (links != null && !links.isNull()) {
            throw new InvalidPayloadException("links must be an array");
        }
        String clientUrl = JsonFields.optionalText(root, "client_url", "client_url");
        return clientUrl == null || clientUrl.isBlank() ? null : clientUrl;
    }
}
