package org.blackstart.app.e2e.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the search ITs do to the application: alerts as Alertmanager posts them, and waiting for the relay. */
final class SearchActivity {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchActivity() {
    }

    /** The {@code search} health component's details, as the admin sees them. */
    static JsonNode searchHealth(TestRestTemplate http) {
        ResponseEntity<String> health = http.withBasicAuth("admin", "admin").getForEntity("/actuator/health", String.class);
        try {
            return JSON.readTree(health.getBody()).path("components").path("search").path("details");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(health.getBody(), e);
        }
    }

    /** Waits until the relay has indexed every change written so far. */
    static void awaitDrained(TestRestTemplate http, Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        long depth = -1;
        while (Instant.now().isBefore(until)) {
            depth = searchHealth(http).path("outboxDepth").asLong(-1);
            if (depth == 0) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(depth).as("outbox depth after %s", atMost).isZero();
    }

    /** One host of a rack unreachable, as Alertmanager posts it (the demo rule folds a rack into one incident). */
    static ResponseEntity<String> hostUnreachable(TestRestTemplate http, String rack, String host) {
        String payload = """
                {"version":"4","groupKey":"{}:{alertname=\\"HostUnreachable\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"blackstart","groupLabels":{"alertname":"HostUnreachable"},"commonLabels":{"alertname":"HostUnreachable"},
                 "commonAnnotations":{},"externalURL":"http://alertmanager.example:9093",
                 "alerts":[{"status":"firing","labels":{"alertname":"HostUnreachable","datacenter":"search-dc","rack":"RACK",
                   "instance":"HOST.RACK","severity":"critical"},"annotations":{"summary":"HOST in RACK unreachable"},
                   "startsAt":"STARTS","endsAt":"0001-01-01T00:00:00Z",
                   "generatorURL":"http://prometheus.example:9090/graph","fingerprint":"FP"}]}"""
                .replace("RACK", rack).replace("HOST", host).replace("STARTS", Instant.now().toString())
                .replace("FP", "search" + host + rack);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("demo-alertmanager-token");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/alerts/alertmanager", HttpMethod.POST, new HttpEntity<>(payload, headers), String.class);
    }
}
