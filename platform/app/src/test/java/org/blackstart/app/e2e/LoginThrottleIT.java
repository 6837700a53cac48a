package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * A stranger's wrong passwords for agent block the stranger's address, not agent: the engine's
 * per-user lockout used to keep agent out of /api and /engine-rest after a dozen of them.
 */
class LoginThrottleIT extends PlatformIT {

    @LocalServerPort
    int port;

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheUserOutElsewhere() throws Exception {
        // given twelve wrong passwords for agent on /engine-rest from a stranger's address
        FromAddress stranger = new FromAddress("127.0.0.2", port);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(stranger.get("/engine-rest/task", basic("agent", "guess-" + i)).status());
        }

        // when agent logs in with the right password, from its own address and from the stranger's
        int api = api().send("agent", HttpMethod.GET, "/api/incidents", null).getStatusCode().value();
        int engineRest = api().send("agent", HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value();
        FromAddress.Response blocked = stranger.get("/api/incidents", basic("agent", "agent"));

        // then agent works at once; the stranger's address is refused without its credentials being checked
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        assertThat(api).isEqualTo(200);
        assertThat(engineRest).isEqualTo(200);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isPositive();
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stranger.get("/status", Map.of()).status()).as("reading without a password is no login").isEqualTo(200);
    }

    @Test
    void theWebappLoginFormIsThrottledPerAddressToo() throws Exception {
        // given ten wrong passwords for commander on Tasklist's login form from one address
        FromAddress stranger = new FromAddress("127.0.0.3", port);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(webappLogin(stranger, "commander", "guess-" + i).status());
        }

        // when the right password comes from there, and from another address
        FromAddress.Response fromStranger = webappLogin(stranger, "commander", "commander");
        FromAddress.Response fromCommander = webappLogin(new FromAddress("127.0.0.4", port), "commander", "commander");

        // then
        assertThat(statuses).containsOnly(401);
        assertThat(fromStranger.status()).isEqualTo(429);
        assertThat(fromCommander.status()).as(fromCommander.body()).isEqualTo(200);
        assertThat(fromCommander.body()).contains("\"userId\":\"commander\"");
    }

    /** The webapp's own CSRF protection wants its cookie echoed in a header, as Tasklist's page does. */
    private static FromAddress.Response webappLogin(FromAddress client, String user, String password) throws Exception {
        String cookies = client.get("/camunda/app/tasklist/", Map.of()).cookies();
        String token = cookies.substring(cookies.indexOf("XSRF-TOKEN=") + "XSRF-TOKEN=".length()).split(";")[0];
        return client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookies, "X-XSRF-TOKEN", token),
                "username=" + user + "&password=" + password);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
