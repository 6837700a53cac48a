package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Blackstart's own pages in the browser (the incident tab in Tasklist, the incident page) call {@code /api}
 * with the person's Tasklist login. The session counts as that person with that person's groups, and
 * another site cannot use it to change anything.
 */
class WebappSessionApiIT extends PlatformIT {

    private static final String DECLARE = "{\"title\":\"Declared with a session\",\"severity\":\"SEV3\"}";

    @LocalServerPort
    int port;

    @Test
    void theTasklistLoginReadsAnIncidentAndDeclaresFromBlackstartsOwnPages() throws Exception {
        // given a commander logged in to Tasklist
        String key = api().declare("commander", "Read with a session");
        Browser commander = Browser.loggedIn(port, "commander");

        // when the incident tab reads the incident and a page of Blackstart's declares one
        HttpResponse<String> read = commander.send("GET", "/api/incidents/" + key + "?deliveries=false", null, "same-origin");
        HttpResponse<String> declared = commander.send("POST", "/api/incidents", DECLARE, "same-origin");

        // then both run as the commander
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(api().json(org.springframework.http.ResponseEntity.ok(read.body())).path("incident").path("key").asText())
                .isEqualTo(key);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        assertThat(declared.body()).contains("\"declaredBy\":\"commander\"");
    }

    @Test
    void anotherSiteCannotDeclareWithTheSessionAndNothingChanges() throws Exception {
        // given
        Browser commander = Browser.loggedIn(port, "commander");
        int before = incidents();

        // when a page of another site makes the commander's browser post
        HttpResponse<String> forged = commander.send("POST", "/api/incidents", DECLARE, "cross-site");

        // then
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Cross-site request refused");
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void theSessionCarriesThePersonsGroupsOnly() throws Exception {
        // given an on-call engineer logged in to Tasklist
        Browser oncall = Browser.loggedIn(port, "oncall-1");
        int before = incidents();

        // when
        HttpResponse<String> declared = oncall.send("POST", "/api/incidents", DECLARE, "same-origin");
        HttpResponse<String> customers = oncall.send("GET", "/api/customers", null, "same-origin");

        // then
        assertThat(declared.statusCode()).isEqualTo(403);
        assertThat(customers.statusCode()).isEqualTo(403);
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void aCredentialSentAlongIsJudgedAloneAndASessionWithoutLoginIsNone() throws Exception {
        // given
        Browser commander = Browser.loggedIn(port, "commander");
        int before = incidents();

        // when a wrong password comes with a valid session, and a browser that opened Tasklist without logging in reads
        HttpResponse<String> wrongPassword = commander.send(HttpRequest.newBuilder(commander.uri("/api/incidents"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("commander:wrong".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(DECLARE)));
        HttpResponse<String> notLoggedIn = Browser.opened(port).send("GET", "/api/incidents", null, "same-origin");

        // then
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(notLoggedIn.statusCode()).isEqualTo(401);
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void callsFromOnePageKeepTheSessionAndMaySendTogether() throws Exception {
        // given a commander logged in to Tasklist, whose incident tab reads several things at once
        String key = api().declare("commander", "Read in parallel with a session");
        Browser commander = Browser.loggedIn(port, "commander");
        String session = commander.session();

        // when it sends eight reads together
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> reads = new java.util.ArrayList<>();
        for (int n = 0; n < 8; n++) {
            reads.add(commander.client().sendAsync(HttpRequest.newBuilder(commander.uri("/api/incidents/" + key
                            + "?deliveries=false")).header("Sec-Fetch-Site", "same-origin")
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()));
        }

        // then every one is answered as the commander, and the session's cookie is the one the login gave
        for (java.util.concurrent.CompletableFuture<HttpResponse<String>> read : reads) {
            HttpResponse<String> response = read.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by an /api call").isEmpty();
        }
        assertThat(commander.session()).isEqualTo(session);
    }

    private int incidents() {
        JsonNode list = api().json(api().send("admin", HttpMethod.GET, "/api/incidents?limit=1000", null));
        return list.size();
    }

    /** A browser with a cookie jar, logged in to Tasklist the way its login page does it. */
    record Browser(HttpClient client, CookieManager cookies, String base) {

        /** Tasklist's login page opened: a session with the webapp's CSRF token, nobody logged in. */
        static Browser opened(int port) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://127.0.0.1:" + port;
            client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Browser(client, cookies, base);
        }

        static Browser loggedIn(int port, String user) throws Exception {
            Browser browser = opened(port);
            HttpClient client = browser.client();
            String base = browser.base();
            String token = browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            return browser;
        }

        /** The session cookie's value. */
        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
        }

        URI uri(String path) {
            return URI.create(base + path);
        }

        HttpResponse<String> send(String method, String path, String body, String fetchSite) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Sec-Fetch-Site", fetchSite)
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if ("cross-site".equals(fetchSite)) {
                request.header("Origin", "https://elsewhere.example");
            }
            return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
