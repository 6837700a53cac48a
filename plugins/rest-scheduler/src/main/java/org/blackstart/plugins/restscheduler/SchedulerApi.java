package org.blackstart.plugins.restscheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.blackstart.spi.DeferredJob;

/** The three calls of the published API (see the package documentation), with the bearer token. */
class SchedulerApi {

    record Failure(Instant at, String description) {
    }

    private final RestSchedulerProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();

    SchedulerApi(RestSchedulerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The pending jobs that were due between {@code from} and {@code to}. */
    List<DeferredJob> pending(Instant from, Instant to) {
        URI uri = properties.endpoint("/jobs?dueFrom=" + encode(from.toString()) + "&dueTo=" + encode(to.toString())
                + "&status=pending");
        JsonNode answer = call(HttpRequest.newBuilder(uri).GET(), uri, "list the jobs", null);
        List<DeferredJob> jobs = new ArrayList<>();
        for (JsonNode job : answer.path("jobs")) {
            try {
                jobs.add(new DeferredJob(job.path("id").asText(""), job.path("name").asText(null),
                        job.path("customerId").asText(null), Instant.parse(job.path("dueAt").asText()),
                        job.path("selectionKind").asText(null), job.path("selection").asText(null),
                        job.path("recipients").asInt(0)));
            } catch (RuntimeException unreadable) {
                throw new SchedulerApiException("scheduler " + uri.getHost() + " listed a job Blackstart cannot read ("
                        + unreadable.getMessage() + "): " + abbreviate(job.toString()), 200, unreadable);
            }
        }
        return jobs;
    }

    /**
     * {@code POST /jobs/{id}/run} or {@code /cancel}.
     *
     * @param action {@code run} or {@code cancel}
     * @return the scheduler's reference of what it did
     */
    String act(String jobId, String action, String idempotencyKey) {
        URI uri = properties.endpoint("/jobs/" + encode(jobId) + "/" + action);
        JsonNode answer = call(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"), uri, action + " job " + jobId, idempotencyKey);
        return answer.hasNonNull("reference") ? answer.get("reference").asText() : jobId + ":" + action;
    }

    Failure lastFailure() {
        return lastFailure.get();
    }

    private JsonNode call(HttpRequest.Builder builder, URI uri, String what, String idempotencyKey) {
        builder.timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + properties.token())
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed(new SchedulerApiException("scheduler " + uri.getHost() + " unreachable to " + what + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerApiException("interrupted while asking the scheduler to " + what, 0, e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 202) {
            try {
                JsonNode node = json.readTree(response.body());
                lastFailure.set(null);
                return node == null ? json.createObjectNode() : node;
            } catch (IOException notJson) {
                throw failed(new SchedulerApiException("scheduler " + uri.getHost() + " answered " + status
                        + " without JSON to " + what, status, notJson));
            }
        }
        String advice = status == 401 || status == 403 ? "; check blackstart.plugins.rest-scheduler.token" : "";
        SchedulerApiException refused = new SchedulerApiException("scheduler " + uri.getHost() + " refused to " + what
                + ": HTTP " + status + errorOf(response.body()) + advice, status, null);
        throw refused.passing() ? failed(refused) : refused;
    }

    private SchedulerApiException failed(SchedulerApiException e) {
        lastFailure.set(new Failure(clock.instant(), e.getMessage()));
        return e;
    }

    private String errorOf(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.hasNonNull("error") ? ": " + abbreviate(node.get("error").asText()) : "";
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
