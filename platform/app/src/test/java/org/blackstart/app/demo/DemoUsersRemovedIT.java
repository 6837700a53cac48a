package org.blackstart.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.blackstart.app.crash.ChildApplication;
import org.blackstart.testkit.LocalServers;
import org.junit.jupiter.api.Test;

/**
 * The demo's users die with the demo: after a start with the defaults, a restart on the same database
 * with the demo off no longer lets {@code admin:admin} or {@code commander:commander} in, while the
 * administrator the operator created ({@code camunda.bpm.admin-user}) stays.
 */
class DemoUsersRemovedIT {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void turningTheDemoOffRemovesItsUsersAndKeepsTheOperatorsOwn() throws Exception {
        // given a first start with the demo, where the operator also creates an administrator of their own
        Path workDir = Files.createTempDirectory("blackstart-demo-off");
        List<String> database = List.of("--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db") + ";WRITE_DELAY=0",
                "--blackstart.demo.mail.smtp-port=" + LocalServers.freeLoopbackPort(),
                "--blackstart.demo.mail.imap-port=" + LocalServers.freeLoopbackPort());
        List<String> demoOn = new ArrayList<>(database);
        demoOn.add("--camunda.bpm.admin-user.id=ops");
        demoOn.add("--camunda.bpm.admin-user.password=a-real-password-1");
        try (ChildApplication demo = ChildApplication.start(workDir, "demo-on", demoOn)) {
            // The demo creates its users once the application has started, its on-call people last.
            await().atMost(Duration.ofSeconds(60)).until(() -> status(demo, "GET", "/api/incidents", "oncall-2", "oncall-2",
                    null) == 200);
            assertThat(status(demo, "GET", "/api/incidents", "commander", "commander", null)).isEqualTo(200);
            assertThat(status(demo, "GET", "/engine-rest/user", "admin", "admin", null)).isEqualTo(200);
        }

        // when it starts again with the demo off
        List<String> demoOff = new ArrayList<>(database);
        demoOff.add("--blackstart.demo.enabled=false");
        demoOff.add("--blackstart.statuspage.token-secret=a-status-page-secret-of-at-least-32-chars");
        try (ChildApplication production = ChildApplication.start(workDir, "demo-off", demoOff)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> production.log().contains("BLACKSTART-APP-003"));

            // then the demo's users are gone, with a line in the log saying so, and the operator's own user works
            assertThat(status(production, "GET", "/engine-rest/user", "admin", "admin", null)).isEqualTo(401);
            assertThat(status(production, "GET", "/api/incidents", "commander", "commander", null)).isEqualTo(401);
            assertThat(status(production, "GET", "/api/incidents", "agent", "agent", null)).isEqualTo(401);
            assertThat(status(production, "GET", "/api/incidents", "oncall-1", "oncall-1", null)).isEqualTo(401);
            // (Blackstart's /api is for its four groups, which the operator's administrator is not in)
            assertThat(status(production, "GET", "/engine-rest/user", "ops", "a-real-password-1", null)).isEqualTo(200);
            assertThat(production.log()).contains("BLACKSTART-APP-003").containsPattern(
                    "BLACKSTART-APP-003 .*\\[commander, commander-2, agent, admin, oncall-1, oncall-2]");
            String users = body(production, "/engine-rest/user", "ops", "a-real-password-1");
            assertThat(users).contains("\"id\":\"ops\"").doesNotContain("\"id\":\"admin\"", "\"id\":\"commander\"",
                    "\"id\":\"commander-2\"", "\"id\":\"agent\"", "\"id\":\"oncall-1\"", "\"id\":\"oncall-2\"");
            assertThat(body(production, "/engine-rest/user?memberOfGroup=camunda-admin", "ops", "a-real-password-1"))
                    .contains("\"id\":\"ops\"").doesNotContain("\"id\":\"admin\"");
            assertThat(body(production, "/engine-rest/user?memberOfGroup=incident-commanders", "ops", "a-real-password-1"))
                    .isEqualTo("[]");
        }
    }

    private int status(ChildApplication app, String method, String path, String user, String password, String json)
            throws Exception {
        HttpResponse<String> response = client.send(request(app, method, path, user, password, json),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private String body(ChildApplication app, String path, String user, String password) throws Exception {
        HttpResponse<String> response = client.send(request(app, "GET", path, user, password, null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest request(ChildApplication app, String method, String path, String user, String password,
                                       String json) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
