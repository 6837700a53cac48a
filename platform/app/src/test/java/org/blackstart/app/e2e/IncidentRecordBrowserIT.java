package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The record for the postmortem in a real browser, in Tasklist's incident tab: the earlier incident this one repeats
 * stands out with its postmortem, the commander corrects a key time with a reason and pins a note. The screenshots
 * stay in {@code target/screenshots}.
 */
class IncidentRecordBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String TAB = "blackstart.incident";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTabShowsTheRecurrenceWithItsPostmortemAndTheCommanderCorrectsAKeyTimeAndPinsANote() {
        // given an earlier incident with a postmortem, and a new one the commander linked as its recurrence
        Api api = api();
        String earlier = api.declare("commander", "Power feed A lost in ams9");
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, created_at, updated_at) VALUES (?, 'published', ?, ?)",
                earlier, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        String key = api.declare("commander", "Power feed A lost again");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV2", "affectedServices", "mail", "customerImpact", "Some mail arrives late."));
        assertThat(api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/links", "{\"kind\":\"recurrence-of\","
                + "\"targetType\":\"incident\",\"target\":\"" + earlier + "\",\"note\":\"same feed\"}").getStatusCode().value())
                .isEqualTo(201);
        long note = api.json(api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\":\"UPS batteries lasted 11 minutes, not 30\"}")).path("id").asLong();
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        JsonNode mitigate = api.awaitTask("commander", key, "Mitigate");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander opens the incident tab of one of its tasks
            logIn(browser, "commander");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + mitigate.path("id").asText() + "&detailsTab=" + TAB);
            browser.waitFor(shown(".bs-links", earlier), RENDERING);

            // then the recurrence stands out, with the earlier incident's title and postmortem
            assertThat(text(browser, ".bs-link-line.bs-recurrence")).contains("Recurrence of " + earlier)
                    .contains("Power feed A lost in ams9").contains("postmortem").contains("same feed");
            assertThat(browser.evaluate("document.querySelector('.bs-recurrence a.bs-postmortem').getAttribute('href')").asText())
                    .isEqualTo("/incidents/" + earlier + "/postmortem");
            assertThat(text(browser, ".bs-key-times")).contains("Impact started").contains("Detected").contains("incident declared");

            // and when the commander corrects the impact's start with a reason
            browser.click(".bs-record details.bs-open-key-times summary");
            browser.evaluate("(() => { const f = document.querySelector('.bs-key-time-form');"
                    + " f.querySelector('select').value = 'impact_started';"
                    + " const at = new Date(Date.now() - 45 * 60000); const p = n => String(n).padStart(2, '0');"
                    + " f.querySelector('input[name=at]').value = at.getFullYear() + '-' + p(at.getMonth() + 1) + '-' + p(at.getDate())"
                    + " + 'T' + p(at.getHours()) + ':' + p(at.getMinutes()); return true; })()");
            browser.type(".bs-key-time-form input[name=reason]", "UPS alarm came before the first alert");
            browser.click(".bs-key-time-form button");

            // then the tab shows the corrected time with who and why
            browser.waitFor(shown(".bs-key-times [data-key-time=impact_started]", "UPS alarm came before the first alert"), RENDERING);
            assertThat(text(browser, ".bs-key-times [data-key-time=impact_started]")).contains("commander");
            assertThat(text(browser, ".bs-record .bs-message")).contains("Impact started set.");

            // and when the commander pins the note
            browser.click(".bs-timeline li[data-entry='" + note + "'] .bs-pin");

            // then it is marked pinned
            browser.waitFor("!!document.querySelector(\".bs-timeline li.bs-pinned[data-entry='" + note + "']\")", RENDERING);
            browser.evaluate("document.querySelector('.bs-key-times').scrollIntoView()");
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("incident-tab-record.png"));
            Screenshots.assertShowsAWindow(screenshot);
            browser.evaluate("document.querySelector(\".bs-timeline li[data-entry='" + note + "']\").scrollIntoView()");
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("incident-tab-pinned.png")));
        }
        JsonNode details = api.incident("agent", key);
        assertThat(details.path("keyTimes").path("impact_started").path("reason").asText())
                .isEqualTo("UPS alarm came before the first alert");
        assertThat(details.path("keyTimes").path("impact_started").path("setBy").asText()).isEqualTo("commander");
        assertThat(details.path("timeline")).anySatisfy(line -> {
            assertThat(line.path("id").asLong()).isEqualTo(note);
            assertThat(line.path("pinnedBy").asText()).isEqualTo("commander");
        });
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
