package org.blackstart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * How many stored alerts a system has not processed yet (deduplicated, grouped, turned into
 * incidents). Accepting alerts is half the work; the sustained rate counts until this is 0 again.
 */
@FunctionalInterface
interface PendingAlerts {

    /** A system that does everything before it answers: nothing is ever pending. */
    PendingAlerts NONE = () -> 0;

    long pending() throws IOException, InterruptedException;

    /** The platform's gauge {@code blackstart.alerts.pending} (unprocessed bs_alert_inbox rows), read as an admin. */
    static PendingAlerts ofPlatform(HttpClient http, URI base, String user, String password) {
        ObjectMapper json = new ObjectMapper();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/metrics/blackstart.alerts.pending"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .GET().build();
        return () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /actuator/metrics/blackstart.alerts.pending answered " + response.statusCode()
                        + " (the gauge and the metrics endpoint must be there)");
            }
            return gaugeValue(json.readTree(response.body()));
        };
    }

    static long gaugeValue(JsonNode metric) throws IOException {
        for (JsonNode measurement : metric.path("measurements")) {
            if ("VALUE".equals(measurement.path("statistic").asText())) {
                return (long) measurement.path("value").asDouble();
            }
        }
        throw new IOException("no VALUE in " + metric);
    }

    /**
     * Polls every 20 ms until nothing is pending.
     *
     * @return how long it took (zero when nothing was pending at the first look)
     * @throws IllegalStateException when alerts are still pending after {@code timeout}
     */
    static Duration drain(PendingAlerts alerts, Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (true) {
            long pending = alerts.pending();
            if (pending == 0) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending + " alerts still pending after " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
