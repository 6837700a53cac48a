package org.blackstart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Declares incidents the way a commander's tool would: POST /api/incidents, then asks the engine's
 * REST API for the first task by the returned key, as Tasklist would. One shared HTTP/1.1 client
 * keeps its connections alive, so a declare costs requests, not TCP handshakes.
 */
final class BlackstartClient {

    static final String FIRST_TASK = "Triage";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    /** Sent on every request: preemptive Basic saves the 401 challenge round trip a real client would cache away too. */
    private final String authorization;
    private final SideCounters counters = new SideCounters();

    BlackstartClient(HttpClient http, URI base, String user, String password) {
        this.http = http;
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Declares one incident and returns once its first task is visible; the incident key it got. */
    String declareAndAwaitTask(String title, Duration timeout) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("title", title).put("severity", "SEV2");
        HttpRequest declare = HttpRequest.newBuilder(base.resolve("/api/incidents"))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> declared = http.send(declare, HttpResponse.BodyHandlers.ofString());
        counters.recordStart(System.nanoTime() - start);
        if (declared.statusCode() != 201) {
            throw new IOException("POST /api/incidents answered " + declared.statusCode() + ": " + declared.body());
        }
        String key = JSON.readTree(declared.body()).path("key").asText(null);
        if (key == null) {
            throw new IOException("POST /api/incidents answered without a key: " + declared.body());
        }
        HttpRequest tasks = HttpRequest.newBuilder(base.resolve("/engine-rest/task?processInstanceBusinessKey="
                        + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(tasks, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /engine-rest/task answered " + response.statusCode() + ": " + response.body());
            }
            if (hasTask(JSON.readTree(response.body()), FIRST_TASK)) {
                return key;
            }
            counters.emptyPoll();
            if (System.nanoTime() > deadline) {
                throw new IOException("no " + FIRST_TASK + " task for " + key + " within " + timeout);
            }
            // The task is created in the declaring transaction, so this should not happen; if it does, a short pause.
            Thread.sleep(1);
        }
    }

    static boolean hasTask(JsonNode tasks, String taskDefinitionKey) {
        for (JsonNode task : tasks) {
            if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                return true;
            }
        }
        return false;
    }

    SideCounters counters() {
        return counters;
    }
}
