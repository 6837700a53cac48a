package org.blackstart.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertStatus;
import org.junit.jupiter.api.Test;

/** Alertmanager (webhook_config, version 4) and Grafana webhook payloads as their documentation shows them. */
class AlertmanagerShapedParserTest {

    static final String ALERTMANAGER = """
            {
              "version": "4",
              "groupKey": "{}:{alertname=\\"RackPowerLost\\"}",
              "truncatedAlerts": 0,
              "status": "firing",
              "receiver": "blackstart",
              "groupLabels": {"alertname": "RackPowerLost"},
              "commonLabels": {"alertname": "RackPowerLost", "datacenter": "ams1", "severity": "critical"},
              "commonAnnotations": {},
              "externalURL": "http://alertmanager.ams1.example:9093",
              "alerts": [
                {
                  "status": "firing",
                  "labels": {"alertname": "RackPowerLost", "datacenter": "ams1", "rack": "r12", "severity": "critical"},
                  "annotations": {"summary": "Rack r12 lost power", "runbook_url": "https://runbooks.example/power"},
                  "startsAt": "2026-11-23T23:45:01.123456789Z",
                  "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "http://prometheus.ams1.example:9090/graph?g0.expr=up%3D%3D0",
                  "fingerprint": "c6eadffa33fcdf37"
                },
                {
                  "status": "resolved",
                  "labels": {"alertname": "RackPowerLost", "datacenter": "ams1", "rack": "r13", "severity": "critical"},
                  "annotations": {"description": "Rack r13 is back"},
                  "startsAt": "2026-11-23T23:45:01+01:00",
                  "endsAt": "2026-11-24T00:10:00Z",
                  "generatorURL": "http://prometheus.ams1.example:9090/graph",
                  "fingerprint": "bc97ff14869b13e3"
                }
              ]
            }
            """;

    static final String GRAFANA = """
            {
              "receiver": "My Super Webhook",
              "status": "firing",
              "orgId": 1,
              "alerts": [
                {
                  "status": "firing",
                  "labels": {"alertname": "High memory usage", "team": "blue", "zone": "us-1"},
                  "annotations": {"description": "The system has high memory usage",
                                  "runbook_url": "https://myrunbook.com/runbook/1234",
                                  "summary": "This alert was triggered for zone us-1"},
                  "startsAt": "2021-10-12T09:51:03.157076+02:00",
                  "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "https://play.grafana.org/alerting/1afz29v7z/edit",
                  "fingerprint": "c6eadffa33fcdf37",
                  "silenceURL": "https://play.grafana.org/alerting/silence/new",
                  "dashboardURL": "",
                  "panelURL": "",
                  "values": {"B": 44.23943737541908, "C": 1}
                },
                {
                  "status": "firing",
                  "labels": {"alertname": "High CPU usage", "team": "blue", "zone": "eu-1"},
                  "annotations": {"description": "The system has high CPU usage"},
                  "startsAt": "2021-10-12T09:56:03.157076+02:00",
                  "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "https://play.grafana.org/alerting/d1rdpdv7k/edit",
                  "fingerprint": "bc97ff14869b13e3",
                  "dashboardURL": "https://play.grafana.org/d/abc",
                  "panelURL": "https://play.grafana.org/d/abc?viewPanel=2",
                  "values": {"B": 99.1}
                }
              ],
              "groupLabels": {},
              "commonLabels": {"team": "blue"},
              "commonAnnotations": {},
              "externalURL": "https://play.grafana.org/",
              "version": "1",
              "groupKey": "{}:{}",
              "truncatedAlerts": 0,
              "title": "[FIRING:2]  (blue)",
              "state": "alerting",
              "message": "**Firing**"
            }
            """;

    private final AlertmanagerShapedParser alertmanager = AlertmanagerShapedParser.alertmanager();
    private final AlertmanagerShapedParser grafana = AlertmanagerShapedParser.grafana();

    static JsonNode json(String text) throws Exception {
        return AlertReceiver.JSON.readTree(text);
    }

    @Test
    void anAlertmanagerGroupBecomesOneAlertPerEntry() throws Exception {
        List<AlertEvent> alerts = alertmanager.parse(json(ALERTMANAGER));

        assertThat(alerts).hasSize(2);
        AlertEvent firing = alerts.get(0);
        assertThat(firing.dedupKey()).isEqualTo("c6eadffa33fcdf37");
        assertThat(firing.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(firing.summary()).isEqualTo("Rack r12 lost power");
        assertThat(firing.severity()).isEqualTo("critical");
        assertThat(firing.startsAt()).isEqualTo(Instant.parse("2026-11-23T23:45:01.123456789Z"));
        assertThat(firing.endsAt()).as("Go's zero time means not ended").isNull();
        assertThat(firing.labels()).containsEntry("rack", "r12").containsEntry("datacenter", "ams1");
        assertThat(firing.annotations()).containsEntry("runbook_url", "https://runbooks.example/power");
        assertThat(firing.link()).startsWith("http://prometheus.ams1.example:9090/graph");

        AlertEvent resolved = alerts.get(1);
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.summary()).as("description when there is no summary").isEqualTo("Rack r13 is back");
        assertThat(resolved.startsAt()).isEqualTo(Instant.parse("2026-11-23T22:45:01Z"));
        assertThat(resolved.endsAt()).isEqualTo(Instant.parse("2026-11-24T00:10:00Z"));
    }

    @Test
    void withoutSummaryOrDescriptionTheAlertNameIsTheSummary() throws Exception {
        List<AlertEvent> alerts = alertmanager.parse(json("""
                {"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"InstanceDown"},
                 "startsAt":"2026-11-23T23:45:00Z"}]}"""));

        assertThat(alerts.get(0).summary()).isEqualTo("InstanceDown");
        assertThat(alerts.get(0).annotations()).isEmpty();
    }

    @Test
    void withoutAFingerprintTheLabelSetIdentifiesTheAlert() throws Exception {
        String firing = """
                {"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"Down","rack":"r12"},
                 "startsAt":"2026-11-23T23:45:00Z"}]}""";
        String resolvedLabelsReordered = """
                {"version":"4","status":"resolved","alerts":[{"status":"resolved","labels":{"rack":"r12","alertname":"Down"},
                 "startsAt":"2026-11-23T23:45:00Z","endsAt":"2026-11-23T23:50:00Z"}]}""";
        String otherRack = firing.replace("r12", "r13");

        String key = alertmanager.parse(json(firing)).get(0).dedupKey();
        assertThat(key).hasSize(16);
        assertThat(alertmanager.parse(json(resolvedLabelsReordered)).get(0).dedupKey()).isEqualTo(key);
        assertThat(alertmanager.parse(json(otherRack)).get(0).dedupKey()).isNotEqualTo(key);
    }

    @Test
    void aGroupWithNoAlertsIsKeptAsAnEmptyList() throws Exception {
        assertThat(alertmanager.parse(json("{\"version\":\"4\",\"status\":\"resolved\",\"alerts\":[]}"))).isEmpty();
    }

    @Test
    void aGrafanaNotificationLinksThePanelOrElseTheRule() throws Exception {
        List<AlertEvent> alerts = grafana.parse(json(GRAFANA));

        assertThat(alerts).extracting(AlertEvent::dedupKey).containsExactly("c6eadffa33fcdf37", "bc97ff14869b13e3");
        assertThat(alerts.get(0).summary()).isEqualTo("This alert was triggered for zone us-1");
        assertThat(alerts.get(0).link()).as("empty dashboard and panel URLs").isEqualTo("https://play.grafana.org/alerting/1afz29v7z/edit");
        assertThat(alerts.get(1).link()).isEqualTo("https://play.grafana.org/d/abc?viewPanel=2");
        assertThat(alerts.get(1).summary()).isEqualTo("The system has high CPU usage");
        assertThat(alerts.get(0).labels()).isEqualTo(Map.of("alertname", "High memory usage", "team", "blue", "zone", "us-1"));
        assertThat(alerts.get(0).startsAt()).isEqualTo(Instant.parse("2021-10-12T07:51:03.157076Z"));
    }

    @Test
    void aWrongStatusIsNamedWithItsIndex() throws Exception {
        String payload = ALERTMANAGER.replace("\"status\": \"resolved\",\n      \"labels\"", "\"status\": \"pending\",\n      \"labels\"");
        assertThat(payload).contains("pending");

        assertThatThrownBy(() -> alertmanager.parse(json(payload)))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("alerts[1].status must be firing or resolved, was 'pending'");
    }

    @Test
    void malformedPayloadsNameTheField() {
        assertRefused("{\"version\":\"4\",\"alerts\":[]}", "status is required");
        assertRefused("{\"version\":\"4\",\"status\":\"firing\"}", "alerts is required");
        assertRefused("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":{}}", "alerts must be an array");
        assertRefused("{\"version\":\"3\",\"status\":\"firing\",\"alerts\":[]}", "version must be \"4\", was '3'");
        assertRefused("[]", "the body must be a JSON object");
        assertRefused(one("\"labels\":{\"alertname\":\"A\"}"), "alerts[0].startsAt is required");
        assertRefused(one("\"startsAt\":\"2026-11-23T23:45:00Z\""), "alerts[0].labels is required");
        assertRefused(one("\"labels\":{},\"startsAt\":\"2026-11-23T23:45:00Z\""),
                "alerts[0].labels must name the alert (at least alertname)");
        assertRefused(one("\"labels\":{\"alertname\":\"A\",\"rack\":12},\"startsAt\":\"2026-11-23T23:45:00Z\""),
                "alerts[0].labels.rack must be a string");
        assertRefused(one("\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"yesterday\""),
                "alerts[0].startsAt must be an RFC 3339 timestamp such as 2026-11-23T23:45:00Z, was 'yesterday'");
        assertRefused(one("\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"2026-11-23 23:45:00\""),
                "alerts[0].startsAt must be an RFC 3339 timestamp such as 2026-11-23T23:45:00Z, was '2026-11-23 23:45:00'");
        assertRefused(one("\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"2026-11-23T23:45:00Z\",\"annotations\":[]"),
                "alerts[0].annotations must be an object of strings");
    }

    private static String one(String fields) {
        return "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\"," + fields + "}]}";
    }

    private void assertRefused(String payload, String message) {
        assertThatThrownBy(() -> alertmanager.parse(json(payload))).as(payload)
                .isInstanceOf(InvalidPayloadException.class).hasMessage(message);
    }
}
