package org.blackstart.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.blackstart.testkit.LocalServers;
import org.junit.jupiter.api.Test;

/**
 * The node dies right after it answered 202 to alert sources: every alert it acknowledged is in
 * the inbox after the restart, once, with the raw payload it came in.
 */
class CrashAfterAlertIntakeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void alertsAcknowledgedBeforeACrashAreAllThereAfterTheRestartOnce() throws Exception {
        Path workDir = Files.createTempDirectory("blackstart-alert-crash");
        String url = "jdbc:h2:file:" + workDir.resolve("db") + ";WRITE_DELAY=0";
        List<String> arguments = List.of("--spring.datasource.url=" + url,
                "--blackstart.demo.mail.smtp-port=" + LocalServers.freeLoopbackPort(),
                "--blackstart.demo.mail.imap-port=" + LocalServers.freeLoopbackPort());
        String alertmanager = alertmanagerGroup(50);
        String grafana = """
                {"receiver":"blackstart","status":"firing","orgId":1,"alerts":[{"status":"firing",
                 "labels":{"alertname":"DiskFull","host":"db01"},"annotations":{"summary":"db01 disk full"},
                 "startsAt":"2026-11-23T23:46:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"crashgrafana0001"}]}""";
        String event = """
                {"routing_key":"storage","event_action":"trigger","dedup_key":"crash-san01",
                 "payload":{"summary":"SAN unreachable","source":"san01","severity":"critical"}}""";

        // given a node that halts right after answering the third alert payload
        Map<Long, String> acknowledged = new TreeMap<>();
        List<String> payloads = List.of(alertmanager, grafana, event);
        try (ChildApplication first = ChildApplication.start(workDir, "first",
                concat(arguments, "--blackstart.test.halt-after-alert-batches=3"))) {
            acknowledged.put(accepted(first, "/api/alerts/alertmanager", "demo-alertmanager-token", alertmanager), alertmanager);
            acknowledged.put(accepted(first, "/api/alerts/grafana", "demo-grafana-token", grafana), grafana);
            accepted(first, "/api/events", "demo-events-token", event);

            // when it dies
            assertThat(first.awaitExit(Duration.ofSeconds(60))).as("halted by the test hook")
                    .isEqualTo(HaltAfterRouteAutoConfiguration.HALT_STATUS);
        }

        // then after a restart on the same database every acknowledged alert is there, once
        try (ChildApplication second = ChildApplication.start(workDir, "second", arguments)) {
            assertThat(second.baseUrl()).isNotEmpty();
        }
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            Map<Long, String> stored = new TreeMap<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT id, raw_payload FROM bs_alert_batch")) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), rows.getString(2));
                }
            }
            assertThat(stored.values()).as("every payload kept raw, once, in order").containsExactlyElementsOf(payloads);
            assertThat(stored).containsAllEntriesOf(acknowledged);

            List<String> keys = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT dedup_key FROM bs_alert_inbox ORDER BY id")) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            List<String> expected = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> "crashfp%012d".formatted(i)).toList());
            expected.add("crashgrafana0001");
            expected.add("crash-san01");
            assertThat(keys).as("none lost, none doubled").containsExactlyElementsOf(expected);
        }
    }

    private long accepted(ChildApplication app, String path, String token, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        // The events API answers like PagerDuty, without a batch id.
        return path.equals("/api/events") ? -1 : JSON.readTree(response.body()).path("batchId").asLong();
    }

    private static String alertmanagerGroup(int size) {
        String alerts = IntStream.range(0, size).mapToObj(i -> """
                {"status":"firing","labels":{"alertname":"HostDown","datacenter":"ams1","host":"web%1$03d"},
                 "annotations":{"summary":"web%1$03d is down"},"startsAt":"2026-11-23T23:45:00Z",
                 "endsAt":"0001-01-01T00:00:00Z","fingerprint":"crashfp%1$012d"}""".formatted(i))
                .collect(Collectors.joining(","));
        return "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"blackstart\",\"alerts\":[" + alerts + "]}";
    }

    private static List<String> concat(List<String> list, String extra) {
        List<String> result = new ArrayList<>(list);
        result.add(extra);
        return result;
    }
}
