package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** What a new user meets in the browser, and what an operator's monitoring polls. */
class WebappIT extends PlatformIT {

    @LocalServerPort
    int port;

    @Test
    void theRootOpensTasklist() throws Exception {
        // Redirects off: the redirect itself is what a browser follows.
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> root = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/tasklist/");
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/", String.class);
        assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
        assertThat(tasklist.getBody()).contains("Tasklist");
    }

    @Test
    void theDemoUsersCanLogInToTasklist() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        // The webapp's own CSRF protection hands out its token on the first page.
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=agent&password=agent")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"agent\"").contains("tasklist");
    }

    @Test
    void healthIsUpWithoutCredentials() {
        ResponseEntity<String> health = api().send(null, HttpMethod.GET, "/actuator/health", null);

        assertThat(health.getStatusCode().value()).as("%s; as admin: %s", health.getBody(),
                api().send("admin", HttpMethod.GET, "/actuator/health", null).getBody()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void anAdminSeesPluginHealthDetails() {
        ResponseEntity<String> health = api().send("admin", HttpMethod.GET, "/actuator/health", null);

        assertThat(health.getBody()).contains("\"plugins\"").contains("\"email\":\"UP\"");
    }
}
