package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The commander's console in a real browser: the incident tab in Tasklist's task view, and the
 * incident page of a closed incident. The screenshots stay in {@code target/screenshots}.
 */
class IncidentConsoleBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Tasklist loads its scripts, then the task, then its tabs; the tab then reads the incident.
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String TAB = "blackstart.incident";

    @LocalServerPort
    int port;

    @Test
    void theIncidentTabShowsTheTimelineAndANoteAddedThereAppearsOnIt() {
        // given a triaged incident whose commander works on its Mitigate task
        Api api = api();
        String key = triaged(api, "Mail queue stuck on mx3");
        JsonNode mitigate = api.awaitTask("commander", key, "Mitigate");
        String note = "Queue drained by hand on mx3, watching it";
        String other = triaged(api, "Webmail search returns nothing");
        JsonNode otherMitigate = api.awaitTask("commander", other, "Mitigate");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander opens the task's incident tab
            logIn(browser, "commander");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + mitigate.path("id").asText() + "&detailsTab=" + TAB);
            browser.waitFor(shown(".bs-timeline", "Triage: Mail queue stuck on mx3"), RENDERING);

            // then it shows the incident and its timeline
            assertThat(text(browser, ".bs-summary")).contains("SEV2").containsIgnoringCase("triaged").contains(key)
                    .contains("Mail queue stuck on mx3").contains("mail").contains("commander");
            assertThat(text(browser, ".bs-timeline")).contains("Declared")
                    .contains("Status").contains("status triaged");

            // and when the commander adds a note there
            browser.type(".bs-note textarea", note);
            browser.click(".bs-note button");

            // then it appears on the tab's timeline, as the commander's
            browser.waitFor(shown(".bs-timeline", note), RENDERING);
            browser.evaluate("document.querySelector('.bs-console').scrollIntoView()");
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("incident-tab-note.png"));
            assertThat(text(browser, ".bs-timeline li")).as("newest first").contains(note).contains("commander");
            Screenshots.assertShowsAWindow(screenshot);

            // and when the commander picks another incident's task in the list, the tab follows it
            browser.evaluate("location.hash = " + js("#/?task=" + otherMitigate.path("id").asText() + "&detailsTab=" + TAB));
            browser.waitFor(shown(".bs-summary", other), RENDERING);
            assertThat(text(browser, ".bs-console")).contains("Webmail search returns nothing").doesNotContain(note);
        }
        JsonNode timeline = api.incident("agent", key).path("timeline");
        assertThat(timeline).anySatisfy(line -> {
            assertThat(line.path("kind").asText()).isEqualTo("NOTE");
            assertThat(line.path("actor").asText()).isEqualTo("commander");
            assertThat(line.path("detail").asText()).isEqualTo(note);
        });
    }

    @Test
    void aReTriageFromTheTabAddsAServiceAndItsComponentAndTheChosenStateShowOnTheStatusPage() {
        // given a SEV2 on mail, on the public status page, where webmail is not affected by it
        Api api = api();
        String key = triaged(api, "Mail and webmail logins slow");
        await().atMost(RENDERING).until(() -> statusIncident(api, key) != null);
        assertThat(statusIncident(api, key).path("componentStates").has("webmail")).isFalse();
        JsonNode mitigate = api.awaitTask("commander", key, "Mitigate");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            logIn(browser, "commander");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + mitigate.path("id").asText() + "&detailsTab=" + TAB);
            browser.waitFor(shown(".bs-summary", key), RENDERING);

            // when the commander re-triages from the tab: webmail too
            browser.click(".bs-actions details.bs-open-retriage summary");
            browser.evaluate("(() => { const s = document.querySelector('.bs-retriage input[name=affectedServices]');"
                    + " s.value = ''; return true; })()");
            browser.type(".bs-retriage input[name=affectedServices]", "mail,webmail");
            browser.click(".bs-retriage button");

            // then the tab says so and shows webmail among the services and on the status page
            browser.waitFor(shown(".bs-message", "Re-triaged."), RENDERING);
            browser.waitFor(shown("[data-field=services]", "webmail"), RENDERING);
            browser.waitFor(shown(".bs-components", "Webmail"), RENDERING);

            // and when the commander says webmail is down altogether
            browser.click(".bs-actions details.bs-open-components summary");
            browser.waitFor("!!document.querySelector('form.bs-component[data-component=webmail] select')", RENDERING);
            browser.evaluate("(() => { document.querySelector('form.bs-component[data-component=webmail] select').value = 'major-outage';"
                    + " return true; })()");
            browser.click("form.bs-component[data-component=webmail] button");
            browser.waitFor(shown(".bs-message", "Webmail: state set."), RENDERING);
            browser.waitFor(shown(".bs-components [data-component=webmail]", "Major outage"), RENDERING);
            browser.evaluate("document.querySelector('.bs-console').scrollIntoView()");
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("incident-tab-retriaged.png")));

            // and the public status page shows webmail hit by the incident
            browser.navigate(base() + "/status");
            browser.waitFor("document.body.innerText.includes('Mail and webmail logins slow')"
                    + " && document.body.innerText.includes('Major outage')", RENDERING);
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("status-page-after-retriage.png")));
        }
        assertThat(statusIncident(api, key).path("componentStates").path("webmail").asText()).isEqualTo("major-outage");
        assertThat(statusIncident(api, key).path("componentStates").path("mail").asText()).as("the severity's").isEqualTo("partial-outage");
        assertThat(api.incident("commander", key).path("incident").path("affectedServices").asText()).contains("webmail");
    }

    @Test
    void theIncidentPageOfAClosedIncidentShowsItsHistory() {
        // given an incident played to its end
        Api api = api();
        String key = triaged(api, "DNS resolver timeouts");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Mitigate"), Map.of("mitigationSummary", "Resolver restarted"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Resolve"), Map.of("resolutionSummary", "Cache size raised"));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        api.closeEarly("commander", key, RENDERING);

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when a commander logged in to Tasklist opens the list of incidents and then the incident's page
            logIn(browser, "commander");
            browser.navigate(base() + "/incidents");
            browser.waitFor("document.body.innerText.includes(" + js(key) + ")", RENDERING);
            browser.click("a[href='/incidents/" + key + "']");
            browser.waitFor(shown(".bs-timeline", "Closed"), RENDERING);
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("incident-page-closed.png"));

            // then the page tells the whole story, with no way to act on a closed incident
            assertThat(browser.url()).endsWith("/incidents/" + key);
            assertThat(text(browser, ".bs-summary")).containsIgnoringCase("closed").contains("DNS resolver timeouts").contains("commander")
                    .contains("Declared").contains("Triaged").contains("Mitigated").contains("Resolved").contains("Closed");
            assertThat(text(browser, ".bs-timeline")).contains("Resolve: DNS resolver timeouts").contains("incident closed");
            assertThat(browser.text()).contains("Notices sent").contains("email").contains("resolved");
            assertThat(browser.evaluate("document.querySelectorAll('.bs-actions').length").asInt()).isZero();
            assertThat(browser.evaluate("document.querySelectorAll('.bs-times li.open').length").asInt())
                    .as("every key time reached").isZero();
            Screenshots.assertShowsAWindow(screenshot);
        }
    }

    @Test
    void theIncidentPageAsksForALoginInsteadOfShowingAnything() {
        // given
        String key = api().declare("commander", "Not for strangers");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when someone not logged in opens it
            browser.navigate(base() + "/incidents/" + key);
            browser.waitFor(shown(".bs-error", "log in"), RENDERING);

            // then
            assertThat(browser.text()).doesNotContain("Not for strangers");
        }
    }

    private static String triaged(Api api, String title) {
        String key = api.declare("commander", title);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV2", "affectedServices", "mail", "customerImpact", "Some mail arrives late."));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        return key;
    }

    private static JsonNode statusIncident(Api api, String key) {
        for (JsonNode incident : api.json(api.send(null, HttpMethod.GET, "/status/summary.json", null)).path("incidents")) {
            if (incident.path("key").asText().equals(key)) {
                return incident;
            }
        }
        return null;
    }

    private void logIn(HeadlessChromium browser, String user) {
        BrowserLogin.logIn(browser, base(), "tasklist", user);
    }

    private static String text(HeadlessChromium browser, String selector) {
        return browser.evaluate("(() => { const e = document.querySelector(" + js(selector) + "); return e ? e.innerText : ''; })()").asText();
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
