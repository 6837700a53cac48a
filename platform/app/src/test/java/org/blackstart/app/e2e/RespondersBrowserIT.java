package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the commander sees at 3 a.m.: "Page more people" and "Send someone on site" in the incident tab, and the
 * "Overdue: ..." task's form in Tasklist. The screenshots stay in {@code target/screenshots}.
 */
class RespondersBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String TAB = "blackstart.incident";

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;

    @Test
    void theCommanderPagesAPersonAndSendsSomeoneOnSiteFromTheIncidentTab() {
        // given a triaged incident whose commander works on its Mitigate task
        Api api = api();
        String key = TaskUrgencyIT.declare(api, "Storage controllers rebooting", "SEV1", null);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV1", "affectedServices", "mail", "customerImpact", "Mailboxes do not open."));
        JsonNode mitigate = api.awaitTask("commander", key, "Mitigate");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            BrowserLogin.logIn(browser, base(), "tasklist", "commander");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + mitigate.path("id").asText() + "&detailsTab=" + TAB);
            browser.waitFor(shown(".bs-summary", key), RENDERING);

            // when the commander opens "Page more people" and pages Piet with a reason
            open(browser, "bs-open-page-more", ".bs-page-more select[name=pageTarget] option[value=ops-primary]");
            browser.evaluate("(() => { const kind = document.querySelector('.bs-page-more select[name=pageKind]'); kind.value = 'person';"
                    + " kind.dispatchEvent(new Event('change')); return true; })()");
            browser.waitFor("!!document.querySelector('.bs-page-more select[name=pageTarget] option[value=\"oncall-2\"]')", RENDERING);
            browser.evaluate("(() => { document.querySelector('.bs-page-more select[name=pageTarget]').value = 'oncall-2'; return true; })()");
            browser.type(".bs-page-more input[name=pageReason]", "second pair of hands on the array");
            browser.click(".bs-page-more button");

            // then the tab says so and its timeline names who is paged and why
            browser.waitFor(shown(".bs-message", "Paged by phone and SMS"), RENDERING);
            browser.waitFor(shown(".bs-timeline", "reason: second pair of hands on the array"), RENDERING);
            browser.evaluate("document.querySelector('.bs-actions').scrollIntoView()");
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("incident-tab-page-more.png")));

            // and when the commander sends Olivia on site with a checklist of two lines
            open(browser, "bs-open-on-site", ".bs-on-site select[name=onSitePerson] option[value=oncall-1]");
            browser.evaluate("(() => { document.querySelector('.bs-on-site select[name=onSitePerson]').value = 'oncall-1';"
                    + " document.querySelector('.bs-on-site textarea').value = 'Check the array controllers\\nPhotograph the status lights';"
                    + " return true; })()");
            browser.type(".bs-on-site input[name=onSiteSite]", "DC Amsterdam, hall 2");
            browser.evaluate("document.querySelector('.bs-actions details.bs-open-on-site').scrollIntoView()");
            Screenshots.assertShowsAWindow(browser.screenshot(SCREENSHOTS.resolve("incident-tab-on-site-form.png")));
            browser.click(".bs-on-site button");

            // then she has her check-in task, and the timeline says who went where
            browser.waitFor(shown(".bs-message", "Sent on site"), RENDERING);
            browser.waitFor(shown(".bs-timeline", "on site: DC Amsterdam, hall 2 (2 items on the checklist)"), RENDERING);
        }
        JsonNode checkIn = api.awaitTask("oncall-1", key, "CheckIn");
        assertThat(checkIn.path("name").asText()).isEqualTo("Go on site: DC Amsterdam, hall 2 for " + key);
        assertThat(tasks.getVariable(checkIn.path("id").asText(), "onSiteChecklistText"))
                .isEqualTo("- Check the array controllers\n- Photograph the status lights");
    }

    @Test
    void theOverdueTaskFormAsksTheCommanderWhatHappensNow() {
        // given an overdue SEV1 notice review raised to the commander
        Api api = api();
        String key = TaskUrgencyIT.declare(api, "Mail delivery stopped", "SEV1", null);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV1", "affectedServices", "mail", "customerImpact", "No mail arrives."));
        Task review = tasks.createTaskQuery().taskId(api.awaitTask("agent", key, "ReviewNotice").path("id").asText()).singleResult();
        review.setDueDate(Date.from(Instant.now().minus(Duration.ofMinutes(12))));
        tasks.saveTask(review);
        JsonNode overdue = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.task("commander", key, "HandleOverdue"), task -> task != null);

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander opens it in Tasklist
            BrowserLogin.logIn(browser, base(), "tasklist", "commander");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + overdue.path("id").asText());
            browser.waitFor("document.querySelector('[cam-tasklist-form] .fjs-container') !== null"
                    + " && document.body.innerText.includes('What happens now')", RENDERING);
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("tasklist-overdue-task.png"));

            // then the form offers the four choices
            assertThat(browser.text()).contains("Overdue: " + review.getName()).contains("What happens now")
                    .contains("I take it over").contains("Hand it to someone").contains("Give it more time").contains("It's fine as it is");
            Screenshots.assertShowsAWindow(screenshot);
        }
    }

    /**
     * Opens a panel of the tab until its choices show: Tasklist adds its filter to the address once the list has
     * loaded, and the tab then draws the incident afresh, with its panels closed.
     */
    private static void open(HeadlessChromium browser, String panel, String loaded) {
        browser.waitFor("(() => { const d = document.querySelector(" + BrowserLogin.js(".bs-actions details." + panel) + ");"
                + " if (d && !d.open) d.querySelector('summary').click();"
                + " return !!document.querySelector(" + BrowserLogin.js(loaded) + "); })()", RENDERING);
    }

    private static String shown(String selector, String text) {
        return "(() => { const e = document.querySelector(" + BrowserLogin.js(selector) + "); return !!e && e.innerText.includes("
                + BrowserLogin.js(text) + "); })()";
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
