package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures across incidents through the API, its CSV and the page, from incidents seeded in 2019
 * (a year no other test declares in) and removed again, so the shared context's other tests never see them.
 */
class InsightsIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String INJECTED_SERVICE = "=HYPERLINK(\"http://evil.example\")";
    private static final String SEEDED = "INC-2019-9%";

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @BeforeEach
    void seed() {
        removeSeeded();
        // SEV1 on mail in January: MTTA 2 min, MTTR 8 h; a service name written to run as a formula
        incident("INC-2019-9001", "2019-01-15T00:20:00Z", "SEV1", "mail," + INJECTED_SERVICE, "incident");
        keyTimes("INC-2019-9001", "2019-01-15T00:00:00Z", 300, 420, 2700, 28800);
        // February: two on mail (MTTA 1 min and 3 min), one test incident that must not count
        incident("INC-2019-9002", "2019-02-10T09:00:00Z", "SEV2", "mail", "incident");
        keyTimes("INC-2019-9002", "2019-02-10T08:00:00Z", 600, 660, 1800, 3600);
        incident("INC-2019-9003", "2019-02-20T09:00:00Z", "SEV1", "mail, webmail", "incident");
        keyTimes("INC-2019-9003", "2019-02-20T08:00:00Z", 120, 300, 1200, 7200);
        incident("INC-2019-9004", "2019-02-21T09:00:00Z", "SEV1", "mail", "test");
        keyTimes("INC-2019-9004", "2019-02-21T08:00:00Z", 9000, 90000, 90000, 900000);
        jdbc.update("INSERT INTO bs_vendor_case (incident_key, vendor, system, account, case_number, case_number_key, "
                + "opened_at, acknowledged_at, state) VALUES ('INC-2019-9001', 'hostly', 'email', 'acct', 'INS-9001', "
                + "'INS-9001', ?, ?, 'closed')", ts("2019-01-15T00:30:00Z"), ts("2019-01-15T01:15:00Z"));
        actionItem("INC-2019-9001", "Second power feed for rack A3", "oncall-1", "2019-03-01");
        actionItem("INC-2019-9003", "Alert on webmail login errors", "commander", "2099-01-01");
        actionItem("INC-2019-9004", "Drill follow-up", "commander", "2019-03-01");
    }

    @AfterEach
    void removeSeeded() {
        jdbc.update("DELETE FROM bs_action_item WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_vendor_case WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_key_time WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_incident WHERE incident_key LIKE ?", SEEDED);
    }

    @Test
    void commandersAndAgentsReadTheFiguresOnCallEngineersAndStrangersDoNot() {
        // when
        ResponseEntity<String> commander = get("commander", "/api/insights?from=2019-01&to=2019-03&by=service");
        ResponseEntity<String> agent = get("agent", "/api/insights?from=2019-01&to=2019-03&by=service");

        // then
        assertThat(commander.getStatusCode().value()).as(commander.getBody()).isEqualTo(200);
        assertThat(agent.getBody()).isEqualTo(commander.getBody());
        JsonNode figures = api().json(agent);
        assertThat(figures.path("engine").asText()).isEqualTo("database");
        assertThat(figures.path("months")).extracting(JsonNode::asText).containsExactly("2019-01", "2019-02", "2019-03");
        JsonNode mailInFebruary = row(figures, "2019-02", "mail");
        assertThat(mailInFebruary.path("incidents").asInt()).as("the test incident does not count").isEqualTo(2);
        assertThat(mailInFebruary.path("mtta").path("meanSeconds").asLong()).isEqualTo(120);
        assertThat(mailInFebruary.path("mtta").path("medianSeconds").asLong()).isEqualTo(120);
        assertThat(mailInFebruary.path("mttr").path("meanSeconds").asLong()).isEqualTo(5400);
        assertThat(row(figures, "2019-02", "webmail").path("incidents").asInt()).isEqualTo(1);
        assertThat(row(figures, "2019-01", "mail").path("timeToMitigate").path("meanSeconds").asLong()).isEqualTo(2700);
        assertThat(figures.path("vendorResponse").get(0).path("response").path("meanSeconds").asLong()).isEqualTo(2700);
        JsonNode seededItems = seededItems(figures);
        assertThat(seededItems).extracting(i -> i.path("title").asText() + "/" + i.path("overdue").asBoolean())
                .containsExactly("Second power feed for rack A3/true", "Alert on webmail login errors/false");

        assertThat(get("oncall-1", "/api/insights?from=2019-01&to=2019-03").getStatusCode().value()).isEqualTo(403);
        assertThat(get("oncall-1", "/api/insights.csv?from=2019-01&to=2019-03").getStatusCode().value()).isEqualTo(403);
        assertThat(get(null, "/api/insights?from=2019-01&to=2019-03").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void badQueriesAreRefusedWithAProblemAndChangeNothing() {
        // given
        String before = get("commander", "/api/insights?from=2019-01&to=2019-03&by=severity").getBody();

        // when / then
        for (String query : List.of("from=2019-13&to=2019-12", "from=2019-1&to=2019-12", "from=2019-06&to=2019-05",
                "from=2016-01&to=2019-01", "from=2019-01&to=2019-03&by=customer")) {
            for (String path : List.of("/api/insights?", "/api/insights.csv?")) {
                ResponseEntity<String> refused = get("commander", path + query);
                assertThat(refused.getStatusCode().value()).as(path + query).isEqualTo(400);
                assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
                assertThat(api().json(refused).path("detail").asText()).as(path + query).isNotBlank();
            }
        }
        assertThat(get("commander", "/api/insights?from=2019-01&to=2019-03&by=severity").getBody()).isEqualTo(before);
    }

    @Test
    void theCsvIsAnAttachmentWhoseFormulaCellsStayText() {
        // when
        ResponseEntity<String> csv = get("agent", "/api/insights.csv?from=2019-01&to=2019-02&by=service");

        // then
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("insights-2019-01-to-2019-02-by-service.csv");
        List<String> lines = List.of(csv.getBody().split("\r\n"));
        assertThat(lines.get(0)).startsWith("month,by,group,incidents,mtta_incidents,mtta_mean_seconds");
        assertThat(lines).contains("2019-01,all,all,1,1,120,120,1,28800,28800,1,300,300,1,2700,2700",
                "2019-01,service,mail,1,1,120,120,1,28800,28800,1,300,300,1,2700,2700",
                "2019-01,service,\"'=HYPERLINK(\"\"http://evil.example\"\")\",1,1,120,120,1,28800,28800,1,300,300,1,2700,2700",
                "2019-02,all,all,2,2,120,120,2,5400,5400,2,360,360,2,1500,1500");
        assertThat(lines).noneMatch(line -> line.contains(",=") || line.contains(",\"="));
    }

    @Test
    void aTestIncidentIsMarkedAndDoesNotCountWhileARealOneDoes() {
        // given
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String query = "/api/insights?from=" + month + "&to=" + month;
        int before = incidentsIn(api().json(get("commander", query)), month);

        // when
        ResponseEntity<String> drill = api().send("commander", HttpMethod.POST, "/api/incidents",
                "{\"title\":\"Quarterly failover drill\",\"severity\":\"SEV3\",\"test\":true}");
        String real = api().declare("commander", "Insights count real incidents");
        ResponseEntity<String> fromTasklist = api().send("commander", HttpMethod.POST,
                "/engine-rest/process-definition/key/major-incident/submit-form", "{\"variables\": {"
                        + "\"title\": {\"value\": \"Restore drill from the declare form\"},"
                        + "\"testIncident\": {\"value\": true, \"type\": \"Boolean\"}}}");

        // then
        assertThat(drill.getStatusCode().value()).as(drill.getBody()).isEqualTo(201);
        String drillKey = api().json(drill).path("key").asText();
        assertThat(jdbc.queryForObject("SELECT kind FROM bs_incident WHERE incident_key = ?", String.class, drillKey))
                .isEqualTo("test");
        assertThat(jdbc.queryForObject("SELECT kind FROM bs_incident WHERE incident_key = ?", String.class, real))
                .isEqualTo("incident");
        assertThat(fromTasklist.getStatusCode().value()).as(fromTasklist.getBody()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT kind FROM bs_incident WHERE incident_key = ?", String.class,
                api().json(fromTasklist).path("businessKey").asText())).isEqualTo("test");
        assertThat(incidentsIn(api().json(get("commander", query)), month)).isEqualTo(before + 1);
    }

    @Test
    void scheduledMaintenanceIsNoIncidentAndNeverCounts() {
        // given
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String query = "/api/insights?from=" + month + "&to=" + month;
        int before = incidentsIn(api().json(get("commander", query)), month);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).withNano(0);

        // when
        ResponseEntity<String> created = api().send("commander", HttpMethod.POST, "/api/maintenance",
                "{\"title\":\"Core switch firmware\",\"components\":[\"mail\"],\"windowStart\":\"" + start
                        + "\",\"windowEnd\":\"" + start.plusHours(1) + "\"}");

        // then
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String key = api().json(created).path("key").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_incident WHERE incident_key = ?", Integer.class, key)).isZero();
        assertThat(incidentsIn(api().json(get("commander", query)), month)).isEqualTo(before);
        api().send("commander", HttpMethod.POST, "/api/maintenance/" + key + "/cancel", "{}");
    }

    @Test
    void thePageShowsChartsAndTheActionItemsToALoggedInCommander() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // given someone not logged in sees no figures
            browser.navigate(base() + "/insights?from=2019-01&to=2019-03&by=service");
            browser.waitFor(shown(".bs-error", "log in"), RENDERING);
            assertThat(browser.text()).doesNotContain("Second power feed");

            // when a commander logged in to Tasklist opens it
            logIn(browser, "commander");
            browser.navigate(base() + "/insights?from=2019-01&to=2019-03&by=service");
            browser.waitFor(shown("#insights", "Second power feed for rack A3"), RENDERING);
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("insights-page.png"));
            browser.evaluate("document.querySelector('.bs-section:last-child').scrollIntoView()");
            Path actionItems = browser.screenshot(SCREENSHOTS.resolve("insights-page-action-items.png"));

            // then
            assertThat(browser.evaluate("document.querySelectorAll('svg.bs-chart').length").asInt()).isEqualTo(5);
            assertThat(browser.evaluate("document.querySelectorAll('svg.bs-chart path').length").asInt()).isPositive();
            assertThat(browser.text()).contains("MTTA by service", "MTTR by service", "webmail", "hostly", "(overdue)")
                    .doesNotContain("Drill follow-up");
            assertThat(browser.evaluate("document.getElementById('csv').getAttribute('href')").asText())
                    .isEqualTo("/api/insights.csv?from=2019-01&to=2019-03&by=service");
            assertThat(browser.evaluate("document.getElementById('by').value").asText()).isEqualTo("service");
            Screenshots.assertShowsAWindow(screenshot);
            Screenshots.assertShowsAWindow(actionItems);
        }
    }

    private void incident(String key, String declaredAt, String severity, String services, String kind) {
        jdbc.update("INSERT INTO bs_incident (incident_key, title, severity, status, affected_services, declared_by, "
                        + "declared_at, updated_at, closed_at, process_instance_id, escalation_policy, kind) "
                        + "VALUES (?, ?, ?, 'closed', ?, 'commander', ?, ?, ?, 'seeded', 'hosting-primary', ?)",
                key, "Seeded " + key, severity, services, ts(declaredAt), ts(declaredAt), ts(declaredAt), kind);
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

    private void actionItem(String incident, String title, String owner, String dueOn) {
        jdbc.update("INSERT INTO bs_action_item (incident_key, title, kind, owner, due_on, status, created_by, created_at) "
                + "VALUES (?, ?, 'prevent', ?, ?, 'open', 'commander', ?)", incident, title, owner, Date.valueOf(dueOn),
                ts("2019-01-16T10:00:00Z"));
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

    private static JsonNode seededItems(JsonNode figures) {
        var items = new com.fasterxml.jackson.databind.node.ArrayNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
        figures.path("actionItems").path("items").forEach(i -> {
            if (i.path("incidentKey").asText().startsWith("INC-2019-9")) {
                items.add(i);
            }
        });
        return items;
    }

    private static int incidentsIn(JsonNode figures, String month) {
        for (JsonNode total : figures.path("totals")) {
            if (total.path("month").asText().equals(month)) {
                return total.path("incidents").asInt();
            }
        }
        return 0;
    }

    private void logIn(HeadlessChromium browser, String user) {
        BrowserLogin.logIn(browser, base(), "tasklist", user);
    }

    private static String shown(String selector, String text) {
        return "(() => { const e = document.querySelector(" + js(selector) + "); return !!e && e.innerText.includes(" + js(text) + "); })()";
    }

    private static String js(String text) {
        return BrowserLogin.js(text);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
