package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.Base64;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/search} on the database (the shared context has no Elasticsearch), over rows seeded in 2018 with a
 * word no other test writes ("quarzite"), removed again afterwards.
 */
class SearchIT extends PlatformIT {

    private static final String SEEDED = "INC-2018-8%";
    private static final String WORD = "quarzite";

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @BeforeEach
    void seed() {
        removeSeeded();
        incident("INC-2018-8001", "Quarzite storage array failover", "SEV1", "mail, webmail", "2018-03-01T10:00:00Z");
        incident("INC-2018-8002", "Quarzite DNS outage", "SEV3", "dns", "2018-03-05T10:00:00Z");
        timeline("INC-2018-8001", "2018-03-01T10:05:00Z", "StoreCo says the quarzite <script>alert(1)</script> controller "
                + "rebooted", "all");
        timeline("INC-2018-8001", "2018-03-01T10:06:00Z", "Private: StoreCo's quarzite contract ends, do not tell them",
                "commanders");
        timeline("INC-2018-8002", "2018-03-05T10:07:00Z", "resolver quarzite cache flushed", "all");
        jdbc.update("INSERT INTO bs_notice_text (incident_key, notice, phase, language, subject, body, approved_by, "
                        + "approved_at) VALUES ('INC-2018-8001', 'initial', 'initial', 'nl', 'Storing e-mail', "
                        + "'Er is een storing in de quarzite opslag.', 'agent', ?)", ts("2018-03-01T10:10:00Z"));
        jdbc.update("INSERT INTO bs_vendor_case (incident_key, vendor, system, account, case_number, case_number_key, "
                + "opened_at, state) VALUES ('INC-2018-8001', 'storeco', 'email', 'acct', 'QZ-8001', 'QZ-8001', ?, 'open')",
                ts("2018-03-01T10:08:00Z"));
    }

    @AfterEach
    void removeSeeded() {
        jdbc.update("DELETE FROM bs_notice_text WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_vendor_case WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_timeline WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_incident WHERE incident_key LIKE ?", SEEDED);
    }

    @Test
    void anAgentFindsIncidentsTimelineAndNoticesWithFacetsAndEscapedHighlights() {
        // when
        JsonNode result = search("agent", "q=" + WORD);

        // then
        assertThat(result.path("engine").asText()).isEqualTo("database");
        assertThat(types(result)).containsExactlyInAnyOrder("incident", "incident", "timeline", "timeline", "notice");
        assertThat(result.path("total").asLong()).isEqualTo(5);
        assertThat(result.at("/facets/severity/SEV1").asLong()).isEqualTo(3);
        assertThat(result.at("/facets/severity/SEV3").asLong()).isEqualTo(2);
        assertThat(result.at("/facets/service/webmail").asLong()).isEqualTo(3);
        assertThat(result.at("/facets/vendor/storeco").asLong()).isEqualTo(3);
        assertThat(result.at("/facets/type/timeline").asLong()).isEqualTo(2);
        JsonNode note = hit(result, "timeline", "INC-2018-8001");
        assertThat(note.path("url").asText()).isEqualTo("/incidents/INC-2018-8001");
        assertThat(note.path("highlights").get(0).asText())
                .contains("the <mark>quarzite</mark> &lt;script&gt;alert(1)&lt;/script&gt; controller")
                .doesNotContain("<script>");
        assertThat(note.path("title").asText()).isEqualTo("Quarzite storage array failover");
        assertThat(note.path("vendors").toString()).isEqualTo("[\"storeco\"]");
    }

    @Test
    void everyWordMustOccurAndFiltersNarrowTheHits() {
        // when
        JsonNode twoWords = search("agent", "q=" + WORD + "+flushed");
        JsonNode dnsOnly = search("agent", "q=" + WORD + "&service=dns");
        JsonNode sev1Notices = search("agent", "q=" + WORD + "&severity=SEV1&type=notice");
        JsonNode vendor = search("agent", "q=" + WORD + "&vendor=storeco&type=incident");
        JsonNode march2 = search("agent", "q=" + WORD + "&from=2018-03-02&to=2018-03-05");

        // then
        assertThat(types(twoWords)).containsExactly("timeline");
        assertThat(keys(dnsOnly)).containsOnly("INC-2018-8002").hasSize(2);
        assertThat(types(sev1Notices)).containsExactly("notice");
        assertThat(keys(vendor)).containsExactly("INC-2018-8001");
        assertThat(keys(march2)).containsOnly("INC-2018-8002").hasSize(2);
    }

    @Test
    void readersFindWhatTheirRoleMayRead() {
        // when
        JsonNode commander = search("commander", "q=" + WORD + "+contract");
        JsonNode agent = search("agent", "q=" + WORD + "+contract");
        JsonNode onCall = search("oncall-1", "q=" + WORD);

        // then the commanders-only note is the commander's alone, and notices are not for on-call engineers
        assertThat(types(commander)).containsExactly("timeline");
        assertThat(types(agent)).isEmpty();
        assertThat(agent.path("total").asLong()).isZero();
        assertThat(types(onCall)).containsExactlyInAnyOrder("incident", "incident", "timeline", "timeline");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        // given
        List<String> seen = new ArrayList<>();
        JsonNode page = search("commander", "q=" + WORD + "&size=2");
        int pages = 1;

        // when
        while (true) {
            page.path("hits").forEach(hit -> seen.add(hit.path("type").asText() + "/" + hit.path("id").asText()));
            if (page.path("next").isNull()) {
                break;
            }
            page = search("commander", "q=" + WORD + "&size=2&after=" + page.path("next").asText());
            pages++;
        }

        // then newest first, six documents over three pages
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.get(0)).startsWith("timeline/");
        assertThat(seen.get(5)).isEqualTo("incident/INC-2018-8001");
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheParameter() {
        assertProblem(get("agent", "/api/search?q=x&servcie=mail"), 400, "unknown parameter servcie");
        assertProblem(get("agent", "/api/search?q=" + "x".repeat(201)), 400, "q must be at most 200");
        assertProblem(get("agent", "/api/search?type=memo"), 400, "type must be one of");
        assertProblem(get("agent", "/api/search?severity=SEV9"), 400, "severity must be one of");
        assertProblem(get("agent", "/api/search?service=<b>"), 400, "service must be");
        assertProblem(get("agent", "/api/search?vendor=" + "a,".repeat(11)), 400, "vendor may be given at most 10");
        assertProblem(get("agent", "/api/search?from=yesterday"), 400, "from must be a date");
        assertProblem(get("agent", "/api/search?from=2018-03-05&to=2018-03-01"), 400, "is after to");
        assertProblem(get("agent", "/api/search?size=0"), 400, "size must be");
        assertProblem(get("agent", "/api/search?size=101"), 400, "size must be");
        assertProblem(get("agent", "/api/search?after=garbage"), 400, "after must be");
        assertProblem(get("agent", "/api/search?after=eyJhdCI6IjIwMTgiLCJ0IjoieCIsImlkIjoiMSJ9"), 400, "after must be");
        assertThat(get(null, "/api/search?q=x").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void tooManySearchesInASecondAreRefusedWithRetryAfter() throws Exception {
        // given a client that does not wait and retry by itself, as TestRestTemplate's does
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?type=incident&size=1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("oncall-2:oncall-2".getBytes()))
                .GET().build();

        // when
        HttpResponse<String> last = null;
        for (int i = 0; i < 60 && (last == null || last.statusCode() == 200); i++) {
            last = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        // then
        assertThat(last.statusCode()).as(last.body()).isEqualTo(429);
        assertThat(last.body()).contains("searches per second");
        assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
    }

    private JsonNode search(String user, String query) {
        ResponseEntity<String> response = get(user, "/api/search?" + query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return api().json(response);
    }

    private ResponseEntity<String> get(String user, String path) {
        return api().send(user, HttpMethod.GET, path, null);
    }

    private void assertProblem(ResponseEntity<String> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(api().json(response).path("detail").asText()).contains(detail);
    }

    private static List<String> types(JsonNode result) {
        List<String> types = new ArrayList<>();
        result.path("hits").forEach(hit -> types.add(hit.path("type").asText()));
        return types;
    }

    private static List<String> keys(JsonNode result) {
        List<String> keys = new ArrayList<>();
        result.path("hits").forEach(hit -> keys.add(hit.path("incidentKey").asText()));
        return keys;
    }

    private static JsonNode hit(JsonNode result, String type, String key) {
        for (JsonNode hit : result.path("hits")) {
            if (hit.path("type").asText().equals(type) && hit.path("incidentKey").asText().equals(key)) {
                return hit;
            }
        }
        throw new AssertionError("no " + type + " of " + key + " in " + result);
    }

    private void incident(String key, String title, String severity, String services, String declaredAt) {
        jdbc.update("INSERT INTO bs_incident (incident_key, title, severity, status, affected_services, declared_by, "
                        + "declared_at, updated_at, closed_at, process_instance_id, kind) "
                        + "VALUES (?, ?, ?, 'closed', ?, 'commander', ?, ?, ?, 'seeded', 'incident')",
                key, title, severity, services, ts(declaredAt), ts(declaredAt), ts(declaredAt));
    }

    private void timeline(String key, String at, String detail, String visibility) {
        jdbc.update("INSERT INTO bs_timeline (incident_key, occurred_at, kind, actor, detail, visibility) "
                + "VALUES (?, ?, 'NOTE', 'commander', ?, ?)", key, ts(at), detail, visibility);
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
