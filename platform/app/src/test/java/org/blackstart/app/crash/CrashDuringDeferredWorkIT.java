package org.blackstart.app.crash;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The datacenter story's crash: the node dies after the scheduler ran a delayed mailing and the ledger recorded it,
 * before the engine heard the execution was done. After a restart the engine hands the execution out again: the
 * scheduler must not be asked a second time, and the review still ends with every job run or cancelled once.
 */
class CrashDuringDeferredWorkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "crash-test-scheduler-token";

    private final WireMockServer scheduler = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stopScheduler() {
        scheduler.stop();
    }

    @Test
    void aCrashAfterTheSchedulerRanAJobRunsNothingTwice() throws Exception {
        // given a scheduler that held back a recent static mailing and one 30 hours old
        scheduler.start();
        Instant now = Instant.now();
        scheduler.stubFor(get(urlPathEqualTo("/jobs")).willReturn(okJson("{\"jobs\": ["
                + job("mail-recent", "Weekly offers Rotterdam", now.minus(Duration.ofHours(3))) + ","
                + job("mail-old", "Night digest Lyon", now.minus(Duration.ofHours(30))) + "]}")));
        scheduler.stubFor(post(urlPathMatching("/jobs/[^/]+/(run|cancel)"))
                .willReturn(okJson("{\"status\": \"done\", \"reference\": \"sched-42\"}")));
        Path workDir = Files.createTempDirectory("blackstart-crash-deferred");
        List<String> arguments = List.of(
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db") + ";WRITE_DELAY=0",
                "--blackstart.demo.mail.enabled=false",
                "--blackstart.demo.scheduler.enabled=false",
                "--blackstart.plugins.rest-scheduler.enabled=true",
                "--blackstart.plugins.rest-scheduler.base-url=" + scheduler.baseUrl(),
                "--blackstart.plugins.rest-scheduler.token=" + TOKEN,
                "--blackstart.bridge.poll-delay=100ms",
                "--blackstart.bridge.lock-duration=3s");

        // and a review the commander approved, on a node that dies right after the first run
        String key;
        try (ChildApplication first = ChildApplication.start(workDir, "first",
                concat(arguments, "--blackstart.test.halt-after-route=jobs-deferred-execute-rest"))) {
            key = declare(first);
            HttpResponse<String> started = send(first, "commander", "POST", "/api/incidents/" + key + "/deferred-work",
                    "{\"from\":\"" + now.minus(Duration.ofHours(31)) + "\",\"to\":\"" + now + "\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            HttpResponse<String> approved = send(first, "commander", "POST",
                    "/engine-rest/task/" + task(first, "commander", key, "ReviewDelayedJobs") + "/complete", "{\"variables\":{}}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);

            // when the node dies between the scheduler's answer and the completion
            assertThat(first.awaitExit(Duration.ofSeconds(60))).as("halted by the test hook")
                    .isEqualTo(HaltAfterRouteAutoConfiguration.HALT_STATUS);
        }
        scheduler.verify(1, postRequestedFor(urlPathEqualTo("/jobs/mail-recent/run")));

        // then after a restart the review goes on, and the scheduler was asked once per job, never twice
        try (ChildApplication second = ChildApplication.start(workDir, "second", arguments)) {
            JsonNode incident = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> read(second, "commander", "/api/incidents/" + key),
                            i -> i.path("timeline").findValuesAsText("detail").contains("Every delayed job decided: 1 run, 1 cancelled"));
            List<String> lines = incident.path("timeline").findValuesAsText("detail");
            assertThat(lines).anyMatch(l -> l.equals("Delayed job Weekly offers Rotterdam (mail-recent) was run before a restart; not again"))
                    .anyMatch(l -> l.startsWith("Cancelled delayed job Night digest Lyon (mail-old)"));
        }
        scheduler.verify(1, postRequestedFor(urlPathEqualTo("/jobs/mail-recent/run")));
        scheduler.verify(1, postRequestedFor(urlPathEqualTo("/jobs/mail-old/cancel")));
        List<LoggedRequest> acts = scheduler.findAll(postRequestedFor(urlPathMatching("/jobs/.*")));
        assertThat(acts).hasSize(2).allSatisfy(request -> {
            assertThat(request.getHeader("Idempotency-Key")).isNotBlank();
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        });
    }

    private static String job(String id, String name, Instant due) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"customerId\": \"\", \"dueAt\": \"" + due
                + "\", \"selectionKind\": \"static\", \"selection\": \"All contacts\", \"recipients\": 100}";
    }

    private String declare(ChildApplication app) throws Exception {
        HttpResponse<String> response = send(app, "commander", "POST", "/api/incidents",
                "{\"title\":\"Datacenter power loss: mailings held back\",\"severity\":\"SEV1\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("key").asText();
    }

    private String task(ChildApplication app, String user, String key, String activity) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> read(app, user, "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + activity),
                        tasks -> tasks.isArray() && !tasks.isEmpty())
                .get(0).path("id").asText();
    }

    private HttpResponse<String> send(ChildApplication app, String user, String method, String path, String body) throws Exception {
        return client.send(request(app, user, path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(ChildApplication app, String user, String path) throws Exception {
        HttpResponse<String> response = client.send(request(app, user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(ChildApplication app, String user, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(30));
    }

    private static List<String> concat(List<String> list, String extra) {
        List<String> result = new ArrayList<>(list);
        result.add(extra);
        return result;
    }
}
