package org.blackstart.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertIntake;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routes served by Spring MVC through the plugin's auto-configuration, with an intake that records. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "blackstart.plugins.alert-sources.grafana.enabled=false"})
class AlertSourceRoutesTest {

    @Configuration
    @EnableAutoConfiguration
    static class Application {
        @Bean
        RecordingIntake intake() {
            return new RecordingIntake();
        }
    }

    record Call(String source, String raw, List<AlertEvent> alerts) {
    }

    static class RecordingIntake implements AlertIntake {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final AtomicBoolean broken = new AtomicBoolean();

        @Override
        public Receipt accept(String source, String rawPayload, List<AlertEvent> alerts) {
            if (broken.get()) {
                throw new IllegalStateException("database unavailable");
            }
            calls.add(new Call(source, rawPayload, alerts));
            return new Receipt(41 + calls.size(), alerts.size());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RecordingIntake intake;
    @Autowired
    List<BlackstartPlugin> plugins;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        intake.calls.clear();
        intake.broken.set(false);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer secret-token-value")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAlertmanagerGroupIsStoredRawAndAnswered202() throws Exception {
        HttpResponse<String> response = post("/api/alerts/alertmanager", AlertmanagerShapedParserTest.ALERTMANAGER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = AlertReceiver.JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("accepted");
        assertThat(body.path("batchId").asLong()).isEqualTo(42);
        assertThat(body.path("alerts").asInt()).isEqualTo(2);
        assertThat(intake.calls).singleElement().satisfies(call -> {
            assertThat(call.source()).isEqualTo("alertmanager");
            assertThat(call.raw()).isEqualTo(AlertmanagerShapedParserTest.ALERTMANAGER);
            assertThat(call.alerts()).extracting(AlertEvent::dedupKey).containsExactly("c6eadffa33fcdf37", "bc97ff14869b13e3");
        });
        assertThat(response.headers().firstValue("Authorization")).as("the credential is not echoed").isEmpty();
    }

    @Test
    void anEventIsAnsweredLikePagerDutyWithItsDedupKey() throws Exception {
        HttpResponse<String> response = post("/api/events", """
                {"routing_key":"storage","event_action":"trigger",
                 "payload":{"summary":"SAN latency above 200 ms","source":"san01","severity":"error"}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = AlertReceiver.JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("success");
        assertThat(body.path("message").asText()).isEqualTo("Event processed");
        String dedupKey = body.path("dedup_key").asText();
        assertThat(dedupKey).matches("[0-9a-f]{32}");
        assertThat(intake.calls).singleElement().satisfies(call -> assertThat(call.alerts().get(0).dedupKey()).isEqualTo(dedupKey));
    }

    @Test
    void aMalformedPayloadIs400NamingTheFieldAndNeverReachesTheIntake() throws Exception {
        String payload = AlertmanagerShapedParserTest.ALERTMANAGER.replace("\"status\": \"resolved\",\n      \"labels\"",
                "\"status\": \"gone\",\n      \"labels\"");

        HttpResponse<String> response = post("/api/alerts/alertmanager", payload);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = AlertReceiver.JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isEqualTo("Invalid alert payload");
        assertThat(problem.path("detail").asText()).isEqualTo("alerts[1].status must be firing or resolved, was 'gone'");
        assertThat(intake.calls).isEmpty();
    }

    @Test
    void brokenJsonAndEmptyBodiesAre400() throws Exception {
        HttpResponse<String> broken = post("/api/events", "{\"routing_key\": \"r\",");
        HttpResponse<String> empty = post("/api/events", "");
        HttpResponse<String> trailing = post("/api/events", "{} {}");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(AlertReceiver.JSON.readTree(broken.body()).path("detail").asText()).startsWith("malformed JSON: ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(AlertReceiver.JSON.readTree(empty.body()).path("detail").asText()).isEqualTo("the body is empty; expected a JSON object");
        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(intake.calls).isEmpty();
    }

    @Test
    void whenTheIntakeFailsTheSourceIsToldToSendAgain() throws Exception {
        intake.broken.set(true);

        HttpResponse<String> response = post("/api/events", """
                {"routing_key":"r","event_action":"resolve","dedup_key":"k1"}""");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.body()).doesNotContain("database unavailable");
    }

    @Test
    void aDisabledSourceHasNoEndpointAndNoPlugin() throws Exception {
        HttpResponse<String> response = post("/api/alerts/grafana", AlertmanagerShapedParserTest.GRAFANA);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(intake.calls).isEmpty();
        assertThat(plugins).extracting(p -> p.descriptor().slug()).containsExactlyInAnyOrder("alertmanager", "events");
    }

    @Test
    void eachSourceIsAPluginWithItsEndpointAndARunningRoute() {
        BlackstartPlugin events = plugins.stream().filter(p -> p.descriptor().slug().equals("events")).findFirst().orElseThrow();

        assertThat(events.descriptor().inboundEndpoints()).containsExactly("/api/events");
        assertThat(events.health().status()).isEqualTo(PluginHealth.Status.UP);
    }

    @Test
    void onlyPostIsServed() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
    }
}
