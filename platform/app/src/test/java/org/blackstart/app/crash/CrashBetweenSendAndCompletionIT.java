package org.blackstart.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.blackstart.testkit.LocalServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application dies after the e-mails went out and were recorded, before the engine heard the
 * task was done. After a restart the engine hands the task out again: nobody may get a second mail.
 */
class CrashBetweenSendAndCompletionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GreenMail mail = LocalServers.startedMailServer();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Test
    void aCrashBetweenSendAndCompletionSendsEveryNoticeExactlyOnce() throws Exception {
        Path workDir = Files.createTempDirectory("blackstart-crash");
        List<String> arguments = List.of(
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db") + ";WRITE_DELAY=0",
                "--blackstart.demo.mail.enabled=false",
                "--blackstart.plugins.email.port=" + mail.getSmtp().getPort(),
                "--blackstart.bridge.poll-delay=100ms",
                "--blackstart.bridge.lock-duration=3s");

        // given an incident whose notice the agent approves, on a node that dies right after sending
        String key;
        try (ChildApplication first = ChildApplication.start(workDir, "first",
                concat(arguments, "--blackstart.test.halt-after-route=notice-email"))) {
            key = declare(first);
            complete(first, "commander", task(first, "commander", key, "Triage"),
                    "{\"severity\":{\"value\":\"SEV1\"},\"affectedServices\":{\"value\":\"mail\"},"
                            + "\"customerImpact\":{\"value\":\"No mail at all\"}}");
            complete(first, "agent", task(first, "agent", key, "ReviewNotice"), "{\"noticeDecision\":{\"value\":\"send\"}}");
            complete(first, "commander", task(first, "commander", key, "ApproveNotice"), "{\"noticeApproval\":{\"value\":\"approve\"}}");

            // when the node dies between the sends and the completion
            assertThat(first.awaitExit(Duration.ofSeconds(60))).as("halted by the test hook")
                    .isEqualTo(HaltAfterRouteAutoConfiguration.HALT_STATUS);
        }
        assertThat(mail.getReceivedMessages()).hasSize(5);

        // then after a restart the engine hands the e-mail task out again, and nobody gets a second message
        try (ChildApplication second = ChildApplication.start(workDir, "second", arguments)) {
            String retried = "initial notice sent by e-mail to 0 of 5 recipients (5 had it already, from an attempt before a restart)";
            JsonNode incident = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> get(second, "commander", "/api/incidents/" + key),
                            i -> i.path("timeline").findValuesAsText("detail").contains(retried));

            List<String> recipients = new ArrayList<>();
            for (MimeMessage message : mail.getReceivedMessages()) {
                recipients.add(message.getAllRecipients()[0].toString());
            }
            assertThat(recipients).containsExactlyInAnyOrder("ann@customer.example", "bob@customer.example",
                    "carol@customer.example", "dieter@customer.example", "elise@customer.example");
            List<JsonNode> emails = new ArrayList<>();
            incident.path("deliveries").forEach(d -> {
                if ("email".equals(d.path("channel").asText())) {
                    emails.add(d);
                }
            });
            assertThat(emails).hasSize(5).allSatisfy(d -> {
                assertThat(d.path("state").asText()).isEqualTo("SENT");
                assertThat(d.path("attempts").asInt()).isEqualTo(1);
            });
        }
    }

    private String declare(ChildApplication app) throws Exception {
        HttpResponse<String> response = client.send(request(app, "commander", "/api/incidents")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Datacenter power loss\",\"severity\":\"SEV1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("key").asText();
    }

    private String task(ChildApplication app, String user, String key, String activity) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> taskOrNull(app, user, key, activity), t -> t != null).path("id").asText();
    }

    private JsonNode taskOrNull(ChildApplication app, String user, String key, String activity) throws Exception {
        JsonNode tasks = get(app, user, "/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey=" + activity);
        return tasks.isArray() && !tasks.isEmpty() ? tasks.get(0) : null;
    }

    private void complete(ChildApplication app, String user, String taskId, String variables) throws Exception {
        HttpResponse<String> response = client.send(request(app, user, "/engine-rest/task/" + taskId + "/complete")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":" + variables + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private JsonNode get(ChildApplication app, String user, String path) throws Exception {
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
