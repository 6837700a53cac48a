package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Alert sources as monitoring systems call them, with the embedded default's demo tokens. */
class AlertIntakeIT extends PlatformIT {

    static final String ALERTMANAGER = """
            {"version":"4","groupKey":"{}:{alertname=\\"RackPowerLost\\"}","truncatedAlerts":0,"status":"firing",
             "receiver":"blackstart","groupLabels":{"alertname":"RackPowerLost"},"commonLabels":{"alertname":"RackPowerLost"},
             "commonAnnotations":{},"externalURL":"http://alertmanager.example:9093",
             "alerts":[
               {"status":"firing","labels":{"alertname":"RackPowerLost","datacenter":"ams1","rack":"r12","severity":"critical"},
                "annotations":{"summary":"Rack r12 lost power"},"startsAt":"2026-11-23T23:45:01.5Z","endsAt":"0001-01-01T00:00:00Z",
                "generatorURL":"http://prometheus.example:9090/graph","fingerprint":"it0000000000r012"},
               {"status":"firing","labels":{"alertname":"RackPowerLost","datacenter":"ams1","rack":"r13","severity":"critical"},
                "annotations":{"summary":"Rack r13 lost power"},"startsAt":"2026-11-23T23:45:02Z","endsAt":"0001-01-01T00:00:00Z",
                "generatorURL":"http://prometheus.example:9090/graph","fingerprint":"it0000000000r013"}
             ]}""";

    static final String GRAFANA = """
            {"receiver":"blackstart","status":"firing","orgId":1,"alerts":[
              {"status":"firing","labels":{"alertname":"High memory usage","team":"blue","zone":"us-1"},
               "annotations":{"summary":"Memory above 95% in us-1"},"startsAt":"2021-10-12T09:51:03.157076+02:00",
               "endsAt":"0001-01-01T00:00:00Z","generatorURL":"https://grafana.example/alerting/1afz29v7z/edit",
               "fingerprint":"itgrafana0000001","silenceURL":"https://grafana.example/alerting/silence/new",
               "dashboardURL":"","panelURL":"","values":{"B":44.2,"C":1}}],
             "groupLabels":{},"commonLabels":{"team":"blue"},"commonAnnotations":{},"externalURL":"https://grafana.example/",
             "version":"1","groupKey":"{}:{}","truncatedAlerts":0,"title":"[FIRING:1]","state":"alerting","message":"Firing"}""";

    static final String EVENT = """
            {"routing_key":"storage-team","event_action":"trigger",
             "payload":{"summary":"SAN latency above 200 ms","source":"san01.ams1","severity":"error","component":"san",
                        "custom_details":{"latency_ms":240}}}""";

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<String> post(String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    /**
     * Declares a body of {@code length} bytes, sends none of it, and reads the answer: the server must refuse by the
     * declared length, before reading. (A client that pushed 5 MB regardless sees its write cut off, a broken pipe,
     * instead of the answer: that says nothing about the server, and made this test flaky.)
     */
    private String answerToDeclaredLength(String path, String token, long length) throws IOException {
        URI root = URI.create(http.getRootUri());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            int contentLength = -1;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(line).append('\n');
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring("content-length:".length()).strip());
                }
            }
            char[] body = new char[Math.max(contentLength, 0)];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return answer.append('\n').append(body, 0, read).toString();
        }
    }

    private Map<String, Object> counts() {
        return jdbc.queryForMap("SELECT (SELECT COUNT(*) FROM bs_alert_batch) AS batches, (SELECT COUNT(*) FROM bs_alert_inbox) AS alerts");
    }

    @Test
    void theThreeSourcesAreStoredAndAnswered202() {
        ResponseEntity<String> alertmanager = post("/api/alerts/alertmanager", "demo-alertmanager-token", ALERTMANAGER);
        ResponseEntity<String> grafana = post("/api/alerts/grafana", "demo-grafana-token", GRAFANA);
        ResponseEntity<String> event = post("/api/events", "demo-events-token", EVENT);

        assertThat(alertmanager.getStatusCode().value()).as(alertmanager.getBody()).isEqualTo(202);
        JsonNode receipt = api().json(alertmanager);
        assertThat(receipt.path("status").asText()).isEqualTo("accepted");
        assertThat(receipt.path("alerts").asInt()).isEqualTo(2);
        long batchId = receipt.path("batchId").asLong();
        assertThat(jdbc.queryForObject("SELECT raw_payload FROM bs_alert_batch WHERE id = ?", String.class, batchId))
                .isEqualTo(ALERTMANAGER);
        assertThat(jdbc.queryForList("SELECT dedup_key FROM bs_alert_inbox WHERE batch_id = ? ORDER BY id", String.class, batchId))
                .containsExactly("it0000000000r012", "it0000000000r013");

        assertThat(grafana.getStatusCode().value()).as(grafana.getBody()).isEqualTo(202);
        long grafanaBatch = api().json(grafana).path("batchId").asLong();
        assertThat(jdbc.queryForMap("SELECT source, summary, link FROM bs_alert_inbox WHERE batch_id = ?", grafanaBatch))
                .containsEntry("source", "grafana").containsEntry("summary", "Memory above 95% in us-1")
                .containsEntry("link", "https://grafana.example/alerting/1afz29v7z/edit");

        assertThat(event.getStatusCode().value()).as(event.getBody()).isEqualTo(202);
        JsonNode eventReply = api().json(event);
        assertThat(eventReply.path("status").asText()).isEqualTo("success");
        assertThat(eventReply.path("message").asText()).isEqualTo("Event processed");
        String dedupKey = eventReply.path("dedup_key").asText();
        assertThat(jdbc.queryForMap("SELECT source, status, severity, labels, annotations FROM bs_alert_inbox WHERE dedup_key = ?", dedupKey))
                .containsEntry("source", "events").containsEntry("status", "FIRING").containsEntry("severity", "error")
                .satisfies(row -> {
                    assertThat((String) row.get("labels")).contains("\"routing_key\":\"storage-team\"").contains("\"source\":\"san01.ams1\"");
                    assertThat((String) row.get("annotations")).contains("\"latency_ms\":\"240\"");
                });
    }

    @Test
    void aWrongOrMissingTokenIs401AndStoresNothing() {
        Map<String, Object> before = counts();

        ResponseEntity<String> missing = post("/api/alerts/alertmanager", null, ALERTMANAGER);
        ResponseEntity<String> otherSourcesToken = post("/api/alerts/alertmanager", "demo-grafana-token", ALERTMANAGER);
        ResponseEntity<String> wrong = post("/api/events", "not-the-token", EVENT);

        for (ResponseEntity<String> response : java.util.List.of(missing, otherSourcesToken, wrong)) {
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer realm=\"blackstart-alerts\"");
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).doesNotContain("demo-grafana-token").doesNotContain("not-the-token");
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void malformedPayloadsAre400NamingTheFieldAndStoreNothing() {
        Map<String, Object> before = counts();

        ResponseEntity<String> badStatus = post("/api/alerts/alertmanager", "demo-alertmanager-token",
                ALERTMANAGER.replace("\"status\":\"firing\",\"labels\":{\"alertname\":\"RackPowerLost\",\"datacenter\":\"ams1\",\"rack\":\"r13\"",
                        "\"status\":\"exploded\",\"labels\":{\"alertname\":\"RackPowerLost\",\"datacenter\":\"ams1\",\"rack\":\"r13\""));
        ResponseEntity<String> brokenJson = post("/api/alerts/grafana", "demo-grafana-token", GRAFANA.substring(0, 100));
        ResponseEntity<String> noSeverity = post("/api/events", "demo-events-token", EVENT.replace("\"severity\":\"error\",", ""));

        assertThat(badStatus.getStatusCode().value()).isEqualTo(400);
        assertThat(api().json(badStatus).path("detail").asText()).isEqualTo("alerts[1].status must be firing or resolved, was 'exploded'");
        assertThat(badStatus.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(brokenJson.getStatusCode().value()).isEqualTo(400);
        assertThat(api().json(brokenJson).path("detail").asText()).startsWith("malformed JSON");
        assertThat(noSeverity.getStatusCode().value()).isEqualTo(400);
        assertThat(api().json(noSeverity).path("detail").asText()).isEqualTo("payload.severity is required");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFiveMegabyteBodyIs413AndStoresNothing() throws IOException {
        Map<String, Object> before = counts();

        String answer = answerToDeclaredLength("/api/alerts/alertmanager", "demo-alertmanager-token", 5L * 1024 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(new ObjectMapper().readTree(answer.substring(answer.indexOf("\n\n") + 2)).path("detail").asText())
                .contains("4194304 bytes");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anUnknownSourceIs404() {
        ResponseEntity<String> response = post("/api/alerts/nagios", "demo-nagios-token", ALERTMANAGER);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(api().json(response).path("detail").asText()).contains("no alert source 'nagios' is installed");
    }

    @Test
    void eachSourceIsListedAsAHealthyPlugin() {
        JsonNode plugins = api().json(api().send("commander", HttpMethod.GET, "/api/plugins", null)).path("plugins");
        java.util.List<String> healthySources = new java.util.ArrayList<>();
        plugins.forEach(p -> {
            if (p.path("descriptor").path("inboundEndpoints").size() > 0 && "UP".equals(p.path("health").path("status").asText())) {
                healthySources.add(p.path("descriptor").path("slug").asText());
            }
        });
        assertThat(healthySources).contains("alertmanager", "grafana", "events");
    }

    @Test
    void adminsSeeHowManyAlertsWaitForProcessingAndOthersDoNot() {
        ResponseEntity<JsonNode> admin = http.withBasicAuth("admin", "admin")
                .getForEntity("/actuator/metrics/blackstart.alerts.pending", JsonNode.class);
        ResponseEntity<String> agent = http.withBasicAuth("agent", "agent")
                .getForEntity("/actuator/metrics/blackstart.alerts.pending", String.class);

        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getBody().path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(agent.getStatusCode().value()).isEqualTo(403);
    }
}
