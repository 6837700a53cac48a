package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 * The search page and "Seen before?" in a real browser: an agent searches, narrows by a facet and opens a result;
 * a commander's triage form lists the closed incident the new one looks like. Incidents seeded in 2016, removed
 * afterwards; the screenshots stay in {@code target/screenshots}.
 */
class SearchBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String SEEDED = "INC-2016-6%";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        removeSeeded();
        incident("INC-2016-6001", "Ostrakon storage array failover", "SEV1", "mail, webmail", "2016-04-01T09:00:00Z");
        incident("INC-2016-6002", "Ostrakon DNS resolver outage", "SEV3", "dns", "2016-04-03T09:00:00Z");
        jdbc.update("INSERT INTO bs_timeline (incident_key, occurred_at, kind, actor, detail) VALUES ('INC-2016-6001', ?, "
                + "'NOTE', 'commander', 'StoreCo confirms the ostrakon controller <b>firmware</b> bug')", ts("2016-04-01T09:30:00Z"));
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, created_at, updated_at) VALUES ('INC-2016-6001', "
                + "'published', ?, ?)", ts("2016-04-05T09:00:00Z"), ts("2016-04-05T09:00:00Z"));
    }

    @AfterEach
    void removeSeeded() {
        jdbc.update("DELETE FROM bs_postmortem WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_timeline WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_incident WHERE incident_key LIKE ?", SEEDED);
    }

    @Test
    void anAgentSearchesNarrowsByAFacetAndOpensAResult() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // given
            BrowserLogin.logIn(browser, base(), "tasklist", "agent");

            // when the agent searches the seeded year (incidents of other tests may share the word)
            browser.navigate(base() + "/search?to=2016-12-31");
            browser.waitFor("!!document.getElementById('engine')", RENDERING);
            browser.type("#q", "ostrakon");
            browser.click("#query button[type=submit]");
            browser.waitFor("document.querySelectorAll('.bs-hit').length === 4", RENDERING);

            // then the hits, the engine, the facets and the marked words show; the note's markup stays text
            assertThat(text(browser, "#engine")).startsWith("Searched the database · 4 results");
            assertThat(text(browser, "[data-facet=severity]")).contains("SEV1").contains("(3)").contains("SEV3");
            assertThat(text(browser, "[data-facet=type]")).contains("Postmortem").contains("Timeline");
            assertThat(browser.evaluate("document.querySelector('.bs-hit .bs-fragment mark').textContent").asText())
                    .isEqualToIgnoringCase("ostrakon");
            assertThat(browser.evaluate("document.querySelectorAll('.bs-fragment b').length").asInt()).isZero();
            assertThat(text(browser, ".bs-hits")).contains("<b>firmware</b>");
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("search-results.png")));

            // when the agent narrows to SEV3
            browser.click("[data-facet=severity] button[data-value=SEV3]");
            browser.waitFor("document.querySelectorAll('.bs-hit').length === 1", RENDERING);
            assertThat(browser.url()).contains("to=2016-12-31");

            // then only the DNS incident remains, and the filter shows
            assertThat(text(browser, ".bs-hits")).contains("Ostrakon DNS resolver outage").doesNotContain("storage array");
            assertThat(browser.url()).contains("severity=SEV3");
            assertThat(text(browser, ".bs-filters")).contains("severity: SEV3");
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("search-facet.png")));

            // when the agent opens the first result
            browser.click(".bs-hit .bs-hit-head a");
            browser.waitFor("location.pathname === '/incidents/INC-2016-6002'", RENDERING);
            browser.waitFor("document.body.innerText.includes('Ostrakon DNS resolver outage')", RENDERING);

            // then the incident's page shows
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("search-opened.png")));
        }
    }

    @Test
    void theTriageFormShowsTheClosedIncidentsTheNewOneLooksLike() {
        // given
        Api api = api();
        ResponseEntity<String> declared = api.send("commander", HttpMethod.POST, "/api/incidents",
                "{\"title\": \"Ostrakon storage array failover again\", \"affectedServices\": \"mail\"}");
        assertThat(declared.getStatusCode().value()).as(declared.getBody()).isEqualTo(201);
        String key = api.json(declared).path("key").asText();
        JsonNode triage = api.awaitTask("commander", key, "Triage");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander opens the triage form
            BrowserLogin.logIn(browser, base(), "tasklist", "commander");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + triage.path("id").asText());
            String field = "document.querySelector(\"textarea[id$='triage_seenBefore_5']\")";
            browser.waitFor("!!" + field + " && " + field + ".value.includes('INC-2016-6001')", RENDERING);

            // then it names the earlier incident and its postmortem, in a field that cannot be edited
            assertThat(browser.evaluate(field + ".value").asText()).startsWith("INC-2016-6001 Ostrakon storage array failover "
                    + "(SEV1, closed 2016-04-01) — postmortem: /incidents/INC-2016-6001/postmortem");
            assertThat(browser.evaluate(field + ".disabled").asBoolean()).isTrue();
            browser.evaluate(field + ".scrollIntoView()");
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("triage-seen-before.png")));
        }
    }

    private void incident(String key, String title, String severity, String services, String declaredAt) {
        jdbc.update("INSERT INTO bs_incident (incident_key, title, severity, status, affected_services, declared_by, "
                        + "declared_at, updated_at, closed_at, process_instance_id, kind) "
                        + "VALUES (?, ?, ?, 'closed', ?, 'commander', ?, ?, ?, 'seeded', 'incident')",
                key, title, severity, services, ts(declaredAt), ts(declaredAt), ts(declaredAt));
    }

    private static String text(HeadlessChromium browser, String selector) {
        return browser.evaluate("(() => { const e = document.querySelector(" + BrowserLogin.js(selector)
                + "); return e ? e.innerText : ''; })()").asText();
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
