package org.blackstart.plugins.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertStatus;

/**
 * Alertmanager's webhook payload (version 4) and Grafana's, which copies its shape: a group
 * {@code status} and {@code alerts[]}, each with {@code status}, {@code labels}, {@code annotations},
 * {@code startsAt}, {@code endsAt}, {@code fingerprint} and links.
 */
final class AlertmanagerShapedParser implements PayloadParser {

    private static final Set<String> STATUSES = Set.of("firing", "resolved");

    private final String requiredVersion;
    private final List<String> linkFields;

    private AlertmanagerShapedParser(String requiredVersion, List<String> linkFields) {
        this.requiredVersion = requiredVersion;
        this.linkFields = linkFields;
    }

    /** Alertmanager's {@code webhook_config} payload; its only published version is "4". */
    static AlertmanagerShapedParser alertmanager() {
        return new AlertmanagerShapedParser("4", List.of("generatorURL"));
    }

    /** Grafana's webhook contact point; a panel or dashboard is where a person looks first. */
    static AlertmanagerShapedParser grafana() {
        return new AlertmanagerShapedParser(null, List.of("panelURL", "dashboardURL", "generatorURL"));
    }

    @Override
    public List<AlertEvent> parse(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidPayloadException("the body must be a JSON object");
        }
        if (requiredVersion != null && root.has("version")) {
            String version = root.get("version").asText();
            if (!requiredVersion.equals(version)) {
                throw new InvalidPayloadException("version must be \"" + requiredVersion + "\", was '"
                        + JsonFields.abbreviate(version) + "'");
            }
        }
        JsonFields.oneOf(root, "status", "status", STATUSES, "firing or resolved");
        JsonNode alerts = root.get("alerts");
        if (alerts == null || alerts.isNull()) {
            throw new InvalidPayloadException("alerts is required");
        }
        if (!alerts.isArray()) {
            throw new InvalidPayloadException("alerts must be an array");
        }
        List<AlertEvent> events = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            events.add(alert(alerts.get(i), "alerts[" + i + "]"));
        }
        return events;
    }

    private AlertEvent alert(JsonNode alert, String path) {
        if (!alert.isObject()) {
            throw new InvalidPayloadException(path + " must be an object");
        }
        String status = JsonFields.oneOf(alert, "status", path + ".status", STATUSES, "firing or resolved");
        JsonFields.object(alert, "labels", path + ".labels");
        Map<String, String> labels = JsonFields.stringMap(alert, "labels", path + ".labels");
        if (labels.isEmpty()) {
            throw new InvalidPayloadException(path + ".labels must name the alert (at least alertname)");
        }
        Map<String, String> annotations = JsonFields.stringMap(alert, "annotations", path + ".annotations");
        if (alert.get("startsAt") == null) {
            throw new InvalidPayloadException(path + ".startsAt is required");
        }
        var startsAt = JsonFields.timestamp(alert, "startsAt", path + ".startsAt");
        var endsAt = JsonFields.timestamp(alert, "endsAt", path + ".endsAt");
        String fingerprint = JsonFields.optionalText(alert, "fingerprint", path + ".fingerprint");
        String dedupKey = fingerprint == null || fingerprint.isBlank() ? fingerprintOf(labels) : fingerprint;
        return new AlertEvent(dedupKey, "firing".equals(status) ? AlertStatus.FIRING : AlertStatus.RESOLVED,
                summary(labels, annotations), labels.get("severity"), startsAt, endsAt, labels, annotations,
                link(alert, path));
    }

    private String link(JsonNode alert, String path) {
        for (String field : linkFields) {
            String url = JsonFields.optionalText(alert, field, path + "." + field);
            if (url != null && !url.isBlank()) {
                return url;
            }
        }
        return null;
    }

    private static String summary(Map<String, String> labels, Map<String, String> annotations) {
        for (String text : new String[] {annotations.get("summary"), annotations.get("description"), labels.get("alertname")}) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "";
    }

    /**
     * Senders before Alertmanager 0.19 sent no fingerprint; like Alertmanager, identify the alert by
     * its label set, so that its resolution finds the same key.
     */
    static String fingerprintOf(Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels).forEach((name, value) -> canonical.append(name).append('\u0000').append(value).append('\u0001'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
