package org.blackstart.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.blackstart.plugins.alerts.AlertmanagerShapedParserTest.json;

import java.time.Instant;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertStatus;
import org.junit.jupiter.api.Test;

/** Events shaped like PagerDuty Events API v2, as its documentation shows them. */
class EventsApiParserTest {

    static final String TRIGGER = """
            {
              "payload": {
                "summary": "DISK at 99% on machine prod-datapipe03.example.com",
                "timestamp": "2026-11-23T23:45:00.000+0000",
                "severity": "critical",
                "source": "prod-datapipe03.example.com",
                "component": "mysql",
                "group": "prod-datapipe",
                "class": "disk",
                "custom_details": {"free space": "1%", "ping time": "1500ms", "load avg": 0.75,
                                   "disk": {"device": "/dev/sda1"}, "hosts": ["a", "b"]}
              },
              "routing_key": "e93facc04764012d7bfb002500d5d1a6",
              "dedup_key": "srv01/mysql",
              "event_action": "trigger",
              "client": "Sample Monitoring Service",
              "client_url": "https://monitoring.service.com",
              "links": [{"href": "http://acme.pagerduty.dev/", "text": "This is a link"}]
            }
            """;

    private final EventsApiParser parser = new EventsApiParser(() -> "generated0000000000000000000000");

    @Test
    void aTriggerMapsSourceAndClassificationToLabelsAndDetailsToAnnotations() throws Exception {
        AlertEvent event = parser.event(json(TRIGGER.replace("2026-11-23T23:45:00.000+0000", "2026-11-23T23:45:00.000+00:00")));

        assertThat(event.dedupKey()).isEqualTo("srv01/mysql");
        assertThat(event.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(event.summary()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
        assertThat(event.severity()).isEqualTo("critical");
        assertThat(event.startsAt()).isEqualTo(Instant.parse("2026-11-23T23:45:00Z"));
        assertThat(event.labels()).containsEntry("source", "prod-datapipe03.example.com").containsEntry("component", "mysql")
                .containsEntry("group", "prod-datapipe").containsEntry("class", "disk")
                .containsEntry("routing_key", "e93facc04764012d7bfb002500d5d1a6");
        assertThat(event.annotations()).containsEntry("free space", "1%").containsEntry("load avg", "0.75")
                .containsEntry("disk.device", "/dev/sda1").containsEntry("hosts[1]", "b");
        assertThat(event.link()).isEqualTo("http://acme.pagerduty.dev/");
    }

    @Test
    void aTimestampThatIsNotRfc3339IsRefused() {
        // PagerDuty's own example writes +0000; RFC 3339 requires +00:00.
        assertThatThrownBy(() -> parser.event(json(TRIGGER)))
                .hasMessage("payload.timestamp must be an RFC 3339 timestamp such as 2026-11-23T23:45:00Z, was '2026-11-23T23:45:00.000+0000'");
    }

    @Test
    void aTriggerWithoutDedupKeyGetsOne() throws Exception {
        AlertEvent event = parser.event(json("""
                {"routing_key":"team-storage","event_action":"trigger",
                 "payload":{"summary":"Storage array degraded","source":"san01","severity":"warning"}}"""));

        assertThat(event.dedupKey()).isEqualTo("generated0000000000000000000000");
        assertThat(event.startsAt()).isNull();
        assertThat(new EventsApiParser().event(json("""
                {"routing_key":"r","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"info"}}"""))
                .dedupKey()).matches("[0-9a-f]{32}");
    }

    @Test
    void acknowledgeAndResolveNeedOnlyTheKey() throws Exception {
        AlertEvent ack = parser.event(json("{\"routing_key\":\"r1\",\"event_action\":\"acknowledge\",\"dedup_key\":\"srv01/mysql\"}"));
        AlertEvent resolve = parser.event(json("{\"routing_key\":\"r1\",\"event_action\":\"resolve\",\"dedup_key\":\"srv01/mysql\"}"));

        assertThat(ack.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(resolve.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolve.dedupKey()).isEqualTo("srv01/mysql");
        assertThat(resolve.labels()).containsEntry("routing_key", "r1");
    }

    @Test
    void malformedEventsNameTheField() {
        assertRefused("{\"event_action\":\"trigger\"}", "routing_key is required");
        assertRefused("{\"routing_key\":\"r\"}", "event_action is required");
        assertRefused("{\"routing_key\":\"r\",\"event_action\":\"escalate\"}",
                "event_action must be trigger, acknowledge or resolve, was 'escalate'");
        assertRefused("{\"routing_key\":\"r\",\"event_action\":\"resolve\"}", "dedup_key is required to resolve an event");
        assertRefused("{\"routing_key\":\"r\",\"event_action\":\"acknowledge\",\"dedup_key\":\"\"}",
                "dedup_key is required to acknowledge an event");
        assertRefused("{\"routing_key\":\"r\",\"event_action\":\"trigger\"}", "payload is required");
        assertRefused(trigger("\"source\":\"x\",\"severity\":\"info\""), "payload.summary is required");
        assertRefused(trigger("\"summary\":\"s\",\"severity\":\"info\""), "payload.source is required");
        assertRefused(trigger("\"summary\":\"s\",\"source\":\"x\""), "payload.severity is required");
        assertRefused(trigger("\"summary\":\"s\",\"source\":\"x\",\"severity\":\"sev1\""),
                "payload.severity must be critical, error, warning or info, was 'sev1'");
        assertRefused(trigger("\"summary\":\"" + "x".repeat(1025) + "\",\"source\":\"x\",\"severity\":\"info\""),
                "payload.summary must be at most 1024 characters");
        assertRefused("{\"routing_key\":\"r\",\"event_action\":\"resolve\",\"dedup_key\":\"" + "k".repeat(256) + "\"}",
                "dedup_key must be at most 255 characters");
        assertRefused("{\"routing_key\":7,\"event_action\":\"trigger\"}", "routing_key must be a string");
    }

    private static String trigger(String payload) {
        return "{\"routing_key\":\"r\",\"event_action\":\"trigger\",\"payload\":{" + payload + "}}";
    }

    private void assertRefused(String payload, String message) {
        assertThatThrownBy(() -> parser.event(json(payload))).as(payload)
                .isInstanceOf(InvalidPayloadException.class).hasMessage(message);
    }
}
