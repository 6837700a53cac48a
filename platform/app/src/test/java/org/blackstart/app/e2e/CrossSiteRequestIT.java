package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A page of another site makes the browser of a logged-in commander or admin send requests to
 * Blackstart: the browser adds the cached HTTP Basic credentials by itself, and tells where the page
 * came from. Plain clients (curl, scripts, monitoring) send neither header and must keep working.
 */
class CrossSiteRequestIT extends PlatformIT {

    private static final String EVIL = "https://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RepositoryService repository;

    private final HttpClient browser = HttpClient.newHttpClient();

    /** A POST with the user's credentials and the headers a browser adds, e.g. "Sec-Fetch-Site", "cross-site". */
    private HttpResponse<String> post(String user, String path, String body, String... browserHeaders) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < browserHeaders.length; i += 2) {
            request.header(browserHeaders[i], browserHeaders[i + 1]);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long incidentsTitled(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bs_incident WHERE title = ?", Long.class, title);
    }

    private static String declaration(String title) {
        return "{\"title\":\"" + title + "\",\"severity\":\"SEV2\"}";
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("Cross-site request refused");
    }

    private String scheduleMaintenance(String title) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).withNano(0);
        return api().json(api().send("commander", HttpMethod.POST, "/api/maintenance", "{\"title\":\"" + title
                + "\",\"components\":[\"mail\"],\"windowStart\":\"" + start + "\",\"windowEnd\":\"" + start.plusHours(1)
                + "\"}")).path("key").asText();
    }

    private String maintenanceState(String key) {
        return api().json(api().send("commander", HttpMethod.GET, "/api/maintenance/" + key, null)).path("state").asText();
    }

    @Test
    void anotherSiteCannotDeclareAnIncidentWithTheCommandersCredentials() throws Exception {
        // given
        String title = "Forged declaration " + System.nanoTime();

        // when: a modern browser, an old one (Origin only), and one that says same-site (another subdomain)
        HttpResponse<String> modern = post("commander", "/api/incidents", declaration(title),
                "Sec-Fetch-Site", "cross-site", "Origin", EVIL);
        HttpResponse<String> old = post("commander", "/api/incidents", declaration(title), "Origin", EVIL);
        HttpResponse<String> sibling = post("commander", "/api/incidents", declaration(title),
                "Sec-Fetch-Site", "same-site", "Origin", "https://other.blackstart.example");

        // then
        assertRefused(modern);
        assertRefused(old);
        assertRefused(sibling);
        assertThat(incidentsTitled(title)).isZero();
    }

    @Test
    void anotherSiteCannotCancelAMaintenanceWithABodylessPost() throws Exception {
        // given
        String key = scheduleMaintenance("Cross-site cancel target " + System.nanoTime());

        // when
        HttpResponse<String> forged = post("commander", "/api/maintenance/" + key + "/cancel", null,
                "Sec-Fetch-Site", "cross-site");
        HttpResponse<String> forgedOld = post("commander", "/api/maintenance/" + key + "/cancel", null, "Origin", EVIL);

        // then
        assertRefused(forged);
        assertRefused(forgedOld);
        assertThat(maintenanceState(key)).isEqualTo("scheduled");
    }

    @Test
    void anotherSiteCannotDeployToTheEngineWithTheAdminsCredentials() throws Exception {
        // given: a multipart deployment, one of the request kinds a cross-site form may send
        String name = "forged-" + System.nanoTime();
        String boundary = "b" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n<definitions/>\r\n--" + boundary + "--\r\n";

        // when
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertRefused(forged);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
    }

    @Test
    void blackstartsOwnPagesScriptsAndServersStillChangeState() throws Exception {
        // given
        String sameOrigin = "Same-origin declaration " + System.nanoTime();
        String oldBrowser = "Old browser declaration " + System.nanoTime();
        String typed = "Typed URL declaration " + System.nanoTime();
        String script = "Script declaration " + System.nanoTime();
        String key = scheduleMaintenance("Cancelled by curl " + System.nanoTime());

        // when
        HttpResponse<String> page = post("commander", "/api/incidents", declaration(sameOrigin),
                "Sec-Fetch-Site", "same-origin", "Origin", "http://127.0.0.1:" + port);
        HttpResponse<String> old = post("commander", "/api/incidents", declaration(oldBrowser),
                "Origin", "http://127.0.0.1:" + port);
        HttpResponse<String> none = post("commander", "/api/incidents", declaration(typed), "Sec-Fetch-Site", "none");
        HttpResponse<String> curl = post("commander", "/api/incidents", declaration(script));
        HttpResponse<String> cancel = post("commander", "/api/maintenance/" + key + "/cancel", null);

        // then
        assertThat(page.statusCode()).as(page.body()).isEqualTo(201);
        assertThat(old.statusCode()).as(old.body()).isEqualTo(201);
        assertThat(none.statusCode()).as(none.body()).isEqualTo(201);
        assertThat(curl.statusCode()).as(curl.body()).isEqualTo(201);
        Map<String, Long> declared = new HashMap<>();
        for (String title : new String[] {sameOrigin, oldBrowser, typed, script}) {
            declared.put(title, incidentsTitled(title));
        }
        assertThat(declared).containsOnly(Map.entry(sameOrigin, 1L), Map.entry(oldBrowser, 1L), Map.entry(typed, 1L),
                Map.entry(script, 1L));
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(maintenanceState(key)).isEqualTo("cancelled");
    }

    @Test
    void readsFromAnotherSiteAreNotTheFiltersBusiness() throws Exception {
        // when: a cross-site GET changes nothing; the browser's same-origin policy keeps its answer from the page
        HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/incidents"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("commander:commander".getBytes(StandardCharsets.UTF_8)))
                .header("Sec-Fetch-Site", "cross-site").GET().build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(read.statusCode()).isEqualTo(200);
    }
}
