package org.blackstart.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Alertmanager webhook payloads (version 4) for a storm in one datacenter: hosts that become
 * unreachable rack after rack. The same request index always gives the same payload, so both sides
 * of a run receive identical bodies.
 *
 * <p>The mix: alerts are laid out in blocks of {@link #alertsPerRack()} per rack. In each block,
 * {@code hostsPerRack} alerts are hosts seen for the first time, and the rest repeat the fingerprint
 * of a host already reported (of the previous rack; rack 0 repeats its own), as Alertmanager does
 * when it re-sends a group: the dedup path. The positions of new and repeated alerts are shuffled
 * within a block. With 40 hosts per rack and 20% repeats a block is 50 alerts, so a rack of 40
 * hosts brings 50 alerts and should fold into one incident. All alerts fire (alertname
 * {@code HostDown}, severity {@code critical}); none resolve.
 */
final class AlertStorm {

    /** Alertmanager's "no end time", which the platform reads as "still firing". */
    static final String NOT_ENDED = "0001-01-01T00:00:00Z";
    static final String[] SERVICES = {"mail", "web", "db", "queue", "api"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String datacenter;
    private final int alertsPerRequest;
    private final int hostsPerRack;
    private final int alertsPerRack;
    private final Instant startedAt;

    /**
     * @param repeatShare the wanted share of alerts that repeat a fingerprint; rounded so that a
     *                    rack's block is a whole number of alerts (see {@link #repeatShare()})
     */
    AlertStorm(String datacenter, int alertsPerRequest, int hostsPerRack, double repeatShare) {
        this(datacenter, alertsPerRequest, hostsPerRack, repeatShare, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** @param startedAt when the first alert started; alert {@code n} starts {@code n} ms later */
    AlertStorm(String datacenter, int alertsPerRequest, int hostsPerRack, double repeatShare, Instant startedAt) {
        if (alertsPerRequest < 1 || hostsPerRack < 1 || repeatShare < 0 || repeatShare >= 1) {
            throw new IllegalArgumentException("need alerts per request >= 1, hosts per rack >= 1, 0 <= repeat share < 1");
        }
        this.datacenter = datacenter;
        this.alertsPerRequest = alertsPerRequest;
        this.hostsPerRack = hostsPerRack;
        this.alertsPerRack = (int) Math.round(hostsPerRack / (1 - repeatShare));
        this.startedAt = startedAt;
    }

    int alertsPerRequest() {
        return alertsPerRequest;
    }

    int alertsPerRack() {
        return alertsPerRack;
    }

    /** The share of alerts that repeat an earlier fingerprint, as generated. */
    double repeatShare() {
        return 1 - (double) hostsPerRack / alertsPerRack;
    }

    /** The body of request {@code index}: alerts {@code index * alertsPerRequest} onwards. */
    String payload(int index) {
        List<Map<String, String>> labels = new ArrayList<>();
        ArrayNode alerts = JSON.createArrayNode();
        for (int j = 0; j < alertsPerRequest; j++) {
            long alert = (long) index * alertsPerRequest + j;
            int rack = (int) (alert / alertsPerRack);
            int host = hostOf(rack, (int) (alert % alertsPerRack));
            // A repeated host keeps the labels it was first reported with, rack included: same fingerprint.
            Map<String, String> hostLabels = hostLabels(datacenter, rackName(host / hostsPerRack), host);
            labels.add(hostLabels);
            alerts.add(alert(hostLabels, startedAt.plusMillis(alert)));
        }
        return envelope(labels, alerts);
    }

    /**
     * One firing alert for a rack nobody has reported before, for alert-to-first-page latency: a
     * new group, so a new incident and a page. The rack name appears in the page, so the call can be
     * matched to its alert.
     */
    static String singleAlert(String datacenter, String rack) {
        Map<String, String> labels = hostLabels(datacenter, rack, 0);
        ArrayNode alerts = JSON.createArrayNode().add(alert(labels, Instant.now()));
        return envelope(List.of(labels), alerts);
    }

    /** Every pre-generated body of a phase, so producing them costs nothing during the measurement. */
    List<String> payloads(int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(payload(i));
        }
        return bodies;
    }

    /** Zero-padded, so no rack name is a prefix of another ("r0001" never matches inside "r00012"). */
    static String rackName(int rack) {
        return String.format(Locale.ROOT, "r%05d", rack);
    }

    /** Host number of position {@code slot} in the rack's block: new hosts first in the shuffled order, then repeats. */
    private int hostOf(int rack, int position) {
        int slot = slotOrder(rack).get(position);
        if (slot < hostsPerRack) {
            return rack * hostsPerRack + slot;
        }
        int repeated = (slot - hostsPerRack) * 7 % hostsPerRack;
        return (rack == 0 ? 0 : rack - 1) * hostsPerRack + repeated;
    }

    private List<Integer> slotOrder(int rack) {
        List<Integer> slots = new ArrayList<>(alertsPerRack);
        for (int i = 0; i < alertsPerRack; i++) {
            slots.add(i);
        }
        Collections.shuffle(slots, new Random(rack * 1_000_003L + 17));
        return slots;
    }

    private static Map<String, String> hostLabels(String datacenter, String rack, int host) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "HostDown");
        labels.put("datacenter", datacenter);
        labels.put("rack", rack);
        labels.put("instance", String.format(Locale.ROOT, "%s-%s-h%06d:9100", datacenter, rack, host));
        labels.put("service", SERVICES[host % SERVICES.length]);
        labels.put("severity", "critical");
        return labels;
    }

    private static ObjectNode alert(Map<String, String> labels, Instant startsAt) {
        ObjectNode alert = JSON.createObjectNode();
        alert.put("status", "firing");
        ObjectNode labelNode = alert.putObject("labels");
        labels.forEach(labelNode::put);
        alert.putObject("annotations").put("summary",
                labels.get("instance") + " unreachable in " + labels.get("datacenter") + "/" + labels.get("rack"));
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", NOT_ENDED);
        alert.put("generatorURL", "http://127.0.0.1:9090/graph?g0.expr=up%3D%3D0");
        alert.put("fingerprint", fingerprint(labels.get("instance")));
        return alert;
    }

    private static String envelope(List<Map<String, String>> labels, ArrayNode alerts) {
        ObjectNode body = JSON.createObjectNode();
        body.put("version", "4");
        Map<String, String> first = labels.get(0);
        ObjectNode groupLabels = JSON.createObjectNode().put("datacenter", first.get("datacenter")).put("rack", first.get("rack"));
        body.put("groupKey", "{}:{datacenter=\"" + first.get("datacenter") + "\", rack=\"" + first.get("rack") + "\"}");
        body.put("truncatedAlerts", 0);
        body.put("status", "firing");
        body.put("receiver", "blackstart");
        body.set("groupLabels", groupLabels);
        ObjectNode common = body.putObject("commonLabels");
        commonLabels(labels).forEach(common::put);
        body.putObject("commonAnnotations");
        body.put("externalURL", "http://127.0.0.1:9093");
        body.set("alerts", alerts);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The labels every alert of the request has with the same value, as Alertmanager computes them. */
    static Map<String, String> commonLabels(List<Map<String, String>> labels) {
        Map<String, String> common = new LinkedHashMap<>(labels.get(0));
        for (Map<String, String> other : labels) {
            common.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
        }
        return common;
    }

    /** 16 hex characters, stable per instance (FNV-1a, 64 bits), like Alertmanager's label-set hash. */
    static String fingerprint(String instance) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : instance.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return String.format(Locale.ROOT, "%016x", hash);
    }
}
