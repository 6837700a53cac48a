package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The README's roles on a fresh embedded default: {@code admin} (platform-admins) opens Cockpit and
 * Admin and administers the engine; commanders keep Tasklist and Cockpit without Admin, agents Tasklist only.
 */
class AdminRoleIT extends PlatformIT {

    @LocalServerPort
    int port;

    @Test
    void theWebappsOfferEachUserTheAppsOfTheirRole() throws Exception {
        // when each demo user logs in to the webapps
        List<String> admin = authorizedApps("admin");
        List<String> commander = authorizedApps("commander");
        List<String> agent = authorizedApps("agent");

        // then admin may open every webapp, commanders no Admin, agents neither Cockpit nor Admin
        assertThat(admin).contains("cockpit", "admin", "tasklist", "welcome");
        assertThat(commander).contains("tasklist", "cockpit").doesNotContain("admin");
        assertThat(agent).contains("tasklist").doesNotContain("cockpit", "admin");
    }

    @Test
    void adminSeesTheDeployedProcessesAndCreatesUsersWhileACommanderCannot() {
        Api api = api();
        // when admin lists the process definitions through the engine's REST API
        JsonNode definitions = api.json(api.send("admin", HttpMethod.GET, api.engine("/process-definition?latestVersion=true"), null));

        // then it sees every deployed process, as Cockpit's dashboard does
        List<String> keys = new ArrayList<>();
        definitions.forEach(definition -> keys.add(definition.path("key").asText()));
        assertThat(keys).contains("major-incident", "customer-notice", "paging");

        // when a commander tries to create a user
        long usersBefore = userCount(api);
        ResponseEntity<String> byCommander = createUser(api, "commander", "made-by-commander");

        // then it is refused and no user exists more than before
        assertThat(byCommander.getStatusCode().value()).as(byCommander.getBody()).isEqualTo(403);
        assertThat(userCount(api)).isEqualTo(usersBefore);

        // when admin creates one, as in the Admin webapp
        ResponseEntity<String> byAdmin = createUser(api, "admin", "made-by-admin");

        // then the user exists
        assertThat(byAdmin.getStatusCode().value()).as(byAdmin.getBody()).isEqualTo(204);
        assertThat(userCount(api)).isEqualTo(usersBefore + 1);
        api.send("admin", HttpMethod.DELETE, api.engine("/user/made-by-admin"), null);
    }

    private static ResponseEntity<String> createUser(Api api, String caller, String id) {
        return api.send(caller, HttpMethod.POST, api.engine("/user/create"),
                "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"New\",\"lastName\":\"Person\","
                        + "\"email\":\"" + id + "@blackstart.local\"},\"credentials\":{\"password\":\"a-long-password-1\"}}");
    }

    private static long userCount(Api api) {
        return api.json(api.send("admin", HttpMethod.GET, api.engine("/user/count"), null)).path("count").asLong();
    }

    /** Logs in as the webapps' login page does and reads the apps the webapps then offer the user. */
    private List<String> authorizedApps(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/welcome/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/welcome"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> who = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                .header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
        List<String> apps = new ArrayList<>();
        api().json(ResponseEntity.ok(who.body())).path("authorizedApps").forEach(app -> apps.add(app.asText()));
        return apps;
    }
}
