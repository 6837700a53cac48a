package org.blackstart.plugins.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertIntake;

/** The sources this plugin receives: where each listens, how its payload reads and what it answers. */
enum AlertSource {

    ALERTMANAGER("alertmanager", "Prometheus Alertmanager", "/api/alerts/alertmanager",
            "Receives Prometheus Alertmanager webhook notifications (webhook_config, payload version 4).",
            AlertmanagerShapedParser::alertmanager),
    GRAFANA("grafana", "Grafana alerting", "/api/alerts/grafana",
            "Receives Grafana alerting notifications from a webhook contact point.",
            AlertmanagerShapedParser::grafana),
    EVENTS("events", "Events API", "/api/events",
            "Receives trigger, acknowledge and resolve events from any monitor, shaped like PagerDuty Events API v2.",
            EventsApiParser::new) {
        /** As PagerDuty answers, so that existing senders and libraries read it. */
        @Override
        Map<String, Object> reply(AlertIntake.Receipt receipt, List<AlertEvent> alerts) {
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("status", "success");
            reply.put("message", "Event processed");
            reply.put("dedup_key", alerts.get(0).dedupKey());
            return reply;
        }
    };

    private final String slug;
    private final String title;
    private final String path;
    private final String description;
    private final Supplier<PayloadParser> parser;

    AlertSource(String slug, String title, String path, String description, Supplier<PayloadParser> parser) {
        this.slug = slug;
        this.title = title;
        this.path = path;
        this.description = description;
        this.parser = parser;
    }

    /** The 202 body: the stored batch and how many alerts it holds, unless a source answers in its own terms. */
    Map<String, Object> reply(AlertIntake.Receipt receipt, List<AlertEvent> alerts) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "accepted");
        reply.put("batchId", receipt.batchId());
        reply.put("alerts", receipt.accepted());
        return reply;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String path() {
        return path;
    }

    String description() {
        return description;
    }

    String routeId() {
        return "alerts-" + slug;
    }

    PayloadParser parser() {
        return parser.get();
    }
}
