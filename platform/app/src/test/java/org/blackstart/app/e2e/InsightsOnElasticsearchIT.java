package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.blackstart.app.e2e.search.SearchPlatformIT;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Insights served from Elasticsearch through the real pipeline: incidents seeded in 2018 (a year no other test
 * declares in), announced to the outbox as every write site does, indexed by the relay; then the API, its CSV and the
 * page answer with engine {@code elasticsearch}, and with Elasticsearch stopped the same figures come from the
 * database.
 */
class InsightsOnElasticsearchIT extends SearchPlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String QUERY = "from=2018-01&to=2018-04&by=";
    private static final List<String> SEEDED = List.of("INC-2018-9001", "INC-2018-9002", "INC-2018-9003",
            "INC-2018-9004", "INC-2018-9005", "INC-2018-9006");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchOutbox outbox;

    @LocalServerPort
    int port;

    @BeforeEach
    void seedOnce() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM bs_incident WHERE incident_key = ?", Integer.class,
                SEEDED.get(0)) > 0) {
            return;
        }
        // January: two SEV1 on mail (one also on webmail) with a vendor case each; February: an even count of SEV2
        // (the median is the mean of the middle two), one without services; a cancelled and a test incident
        incident("INC-2018-9001", "2018-01-15T00:20:00Z", "SEV1", "mail, webmail", "incident", "closed");
        keyTimes("INC-2018-9001", "2018-01-15T00:00:00Z", 300, 420, 2700, 28800);
        incident("INC-2018-9002", "2018-01-31T23:59:00Z", "SEV1", "mail", "incident", "closed");
        keyTimes("INC-2018-9002", "2018-01-31T23:00:00Z", 60, 181, 1200, 7200);
        incident("INC-2018-9003", "2018-02-10T09:00:00Z", "SEV2", "dns", "incident", "closed");
        keyTimes("INC-2018-9003", "2018-02-10T08:00:00Z", 600, 660, 1800, 3600);
        incident("INC-2018-9004", "2018-02-20T09:00:00Z", "SEV2", null, "incident", "resolved");
        keyTimes("INC-2018-9004", "2018-02-20T08:00:00Z", 120, 300, 1200, 7201);
        incident("INC-2018-9005", "2018-02-21T09:00:00Z", "SEV1", "mail", "incident", "cancelled");
        keyTimes("INC-2018-9005", "2018-02-21T08:00:00Z", 9000, 90000, 90000, 900000);
        incident("INC-2018-9006", "2018-02-22T09:00:00Z", "SEV1", "mail", "test", "closed");
        keyTimes("INC-2018-9006", "2018-02-22T08:00:00Z", 9000, 90000, 90000, 900000);
        vendorCase("INC-2018-9001", "hostly", "2018-01-15T00:30:00Z", "2018-01-15T01:15:00Z");
        vendorCase("INC-2018-9002", "storeco", "2018-02-01T00:10:00Z", null);
        vendorCase("INC-2018-9005", "hostly", "2018-02-21T09:30:00Z", "2018-02-21T09:40:00Z");
        jdbc.update("INSERT INTO bs_action_item (incident_key, title, kind, owner, due_on, status, created_by, created_at) "
                + "VALUES ('INC-2018-9001', 'Second power feed for rack A3', 'prevent', 'oncall-1', ?, 'open', "
                + "'commander', ?)", Date.valueOf("2018-03-01"), ts("2018-01-16T10:00:00Z"));
        // as every write site does: the outbox row in the same transaction as the rows (here: auto-commit each)
        outbox.changed(DocType.INCIDENT, SEEDED);
        // the relay makes the indices when it first runs, and indexes the rows after
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            refresh(DocType.INCIDENT);
            assertThat(elasticsearch.count(c -> c.index(alias(DocType.INCIDENT))
                    .query(q -> q.ids(i -> i.values(SEEDED)))).count()).isEqualTo(SEEDED.size());
        });
    }

    @Test
    void elasticsearchAndTheDatabaseGiveTheSameFiguresAndAStoppedClusterIsNoError() throws IOException {
        // given: the figures from Elasticsearch in every dimension
        List<String> dimensions = List.of("severity", "service", "vendor", "policy");
        ObjectNode fromElasticsearch = figures(dimensions);
        String csvFromElasticsearch = get("agent", "/api/insights.csv?" + QUERY + "service").getBody();

        // when Elasticsearch is away
        ObjectNode fromDatabase;
        String csvFromDatabase;
        ELASTICSEARCH.stop();
        try {
            fromDatabase = figures(dimensions);
            csvFromDatabase = get("agent", "/api/insights.csv?" + QUERY + "service").getBody();
        } finally {
            ELASTICSEARCH.start();
        }

        // then every answer was served, by the engine that says so, with exactly the same figures
        for (String by : dimensions) {
            assertThat(fromElasticsearch.path(by).path("engine").asText()).as(by).isEqualTo("elasticsearch");
            assertThat(fromDatabase.path(by).path("engine").asText()).as(by).isEqualTo("database");
            ((ObjectNode) fromElasticsearch.path(by)).remove("engine");
            ((ObjectNode) fromDatabase.path(by)).remove("engine");
            assertThat(fromElasticsearch.path(by)).as(by).isEqualTo(fromDatabase.path(by));
        }
        JsonNode severity = fromElasticsearch.path("severity");
        assertThat(row(severity, "2018-01", "SEV1").path("incidents").asInt()).isEqualTo(2);
        assertThat(row(severity, "2018-02", "SEV2").path("mttr").path("medianSeconds").asLong())
                .as("(3600 + 7201) / 2, rounded").isEqualTo(5401);
        assertThat(row(fromElasticsearch.path("service"), "2018-02", "(none)").path("incidents").asInt()).isEqualTo(1);
        assertThat(fromElasticsearch.path("vendor").path("vendorResponse")).extracting(
                        r -> r.path("month").asText() + "/" + r.path("vendor").asText() + "/" + r.path("cases").asInt())
                .containsExactly("2018-01/hostly/1", "2018-02/hostly/1", "2018-02/storeco/1");
        assertThat(csvFromElasticsearch).isEqualTo(csvFromDatabase)
                .contains("2018-01,service,webmail,1,1,120,120,1,28800,28800,1,300,300,1,2700,2700");
        // and Elasticsearch serves again once it is back
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api()
                .json(get("commander", "/api/insights?" + QUERY + "severity")).path("engine").asText())
                .isEqualTo("elasticsearch"));
    }

    @Test
    void thePageDrawsTheFiguresFromElasticsearch() {
        // given
        assertThat(api().json(get("commander", "/api/insights?" + QUERY + "service")).path("engine").asText())
                .isEqualTo("elasticsearch");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when a commander logged in to Tasklist opens the page
            BrowserLogin.logIn(browser, base(), "tasklist", "commander");
            browser.navigate(base() + "/insights?" + QUERY + "service");
            browser.waitFor("(() => { const e = document.querySelector('#insights'); "
                    + "return !!e && e.innerText.includes('Second power feed for rack A3'); })()", RENDERING);
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("insights-page-elasticsearch.png"));

            // then
            assertThat(browser.evaluate("document.querySelectorAll('svg.bs-chart path').length").asInt()).isPositive();
            assertThat(browser.text()).contains("MTTA by service", "webmail", "hostly", "Figures from Elasticsearch.");
            Screenshots.assertShowsAWindow(screenshot);
        }
    }

    private ObjectNode figures(List<String> dimensions) {
        ObjectNode all = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        for (String by : dimensions) {
            ResponseEntity<String> answer = get("commander", "/api/insights?" + QUERY + by);
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
            all.set(by, api().json(answer));
        }
        return all;
    }

    private void incident(String key, String declaredAt, String severity, String services, String kind, String status) {
        jdbc.update("INSERT INTO bs_incident (incident_key, title, severity, status, affected_services, declared_by, "
                        + "declared_at, updated_at, closed_at, process_instance_id, escalation_policy, kind) "
                        + "VALUES (?, ?, ?, ?, ?, 'commander', ?, ?, ?, 'seeded', 'hosting-primary', ?)",
                key, "Seeded " + key, severity, status, services, ts(declaredAt), ts(declaredAt), ts(declaredAt), kind);
    }

    private void keyTimes(String key, String impact, long detected, long acknowledged, long mitigated, long resolved) {
        Instant start = Instant.parse(impact);
        keyTime(key, "impact_started", start);
        keyTime(key, "detected", start.plusSeconds(detected));
        keyTime(key, "acknowledged", start.plusSeconds(acknowledged));
        keyTime(key, "mitigated", start.plusSeconds(mitigated));
        keyTime(key, "resolved", start.plusSeconds(resolved));
    }

    private void keyTime(String key, String name, Instant at) {
        jdbc.update("INSERT INTO bs_key_time (incident_key, name, at_time, set_by, recorded_at) VALUES (?, ?, ?, 'system', ?)",
                key, name, Timestamp.from(at), Timestamp.from(at));
    }

    private void vendorCase(String incident, String vendor, String opened, String acknowledged) {
        jdbc.update("INSERT INTO bs_vendor_case (incident_key, vendor, system, account, case_number, case_number_key, "
                        + "opened_at, acknowledged_at, state) VALUES (?, ?, 'email', 'acct', ?, ?, ?, ?, 'closed')",
                incident, vendor, "INS-" + incident, "INS-" + incident, ts(opened), acknowledged == null ? null : ts(acknowledged));
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private ResponseEntity<String> get(String user, String path) {
        return api().send(user, HttpMethod.GET, path, null);
    }

    private static JsonNode row(JsonNode figures, String month, String group) {
        for (JsonNode row : figures.path("rows")) {
            if (row.path("month").asText().equals(month) && row.path("group").asText().equals(group)) {
                return row;
            }
        }
        throw new AssertionError("no row " + month + "/" + group + " in " + figures.path("rows"));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
