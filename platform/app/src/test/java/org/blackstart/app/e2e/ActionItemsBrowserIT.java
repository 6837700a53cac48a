package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The incident page lists the postmortem's action items: what, whose, by when, and the ticket in the team's Jira. */
class ActionItemsBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void theIncidentPageShowsItsActionItemsWithOwnerDueDateStateAndTicket() {
        // given: two items, one of them already done
        String key = api().declare("commander", "Rack B lost power twice in one night");
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(15).toString();
        long feed = api().json(api().send("commander", HttpMethod.POST, "/api/incidents/" + key + "/actions",
                "{\"title\": \"Add a second power feed to rack B\", \"owner\": \"oncall-1\", \"kind\": \"prevent\", \"dueOn\": \""
                        + due + "\"}")).path("id").asLong();
        long alert = api().json(api().send("commander", HttpMethod.POST, "/api/incidents/" + key + "/actions",
                "{\"title\": \"Alert on PDU input voltage\", \"owner\": \"oncall-2\", \"kind\": \"detect\"}")).path("id").asLong();
        await().atMost(RENDERING).until(() -> api().incident("commander", key).path("actionItems").findValuesAsText("ticketKey")
                .stream().filter(t -> !t.isEmpty()).count() == 2);
        await().atMost(RENDERING).until(() -> api().send("oncall-2", HttpMethod.POST, "/api/actions/" + alert + "/done", null)
                .getStatusCode().value() == 200);

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when a commander opens the incident's page
            logIn(browser, "commander");
            browser.navigate(base() + "/incidents/" + key);
            browser.waitFor(shown(".bs-action-items", "Add a second power feed to rack B"), RENDERING);
            browser.evaluate("document.querySelector('.bs-action-items').scrollIntoView()");
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("incident-page-action-items.png"));

            // then
            String table = browser.evaluate("document.querySelector('.bs-action-items').innerText").asText();
            assertThat(table).contains("Add a second power feed to rack B", "prevent", "oncall-1", due,
                    "Alert on PDU input voltage", "detect", "oncall-2", "done (oncall-2)");
            assertThat(browser.text()).contains("Action items", "1 open of 2");
            String ticket = api().incident("commander", key).path("actionItems").get(0).path("ticketKey").asText();
            assertThat(browser.evaluate("document.querySelector('.bs-action-items a').href").asText())
                    .isEqualTo(TEAM_JIRA.baseUrl() + "/browse/" + ticket);
            assertThat(feed).isLessThan(alert);
            assertThat(browser.evaluate("document.querySelector('.bs-section table') ? document.body.innerText : ''").asText())
                    .as("a tracker's tickets are no customer notices").doesNotContain("action-ticket:jira");
            Screenshots.assertShowsAWindow(screenshot);
        }
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
