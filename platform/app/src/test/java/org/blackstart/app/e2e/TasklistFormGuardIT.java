package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The form-field guard lets Tasklist through: a Camunda Form completed in the browser submits only
 * its own fields (those its conditions show), so the agent's review of a notice, the largest form,
 * completes as before.
 */
class TasklistFormGuardIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Tasklist loads its scripts, then the task, then the form and its variables one after another.
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String COMPLETE = "button[ng-click=\"complete()\"]";
    private static final String SEND_IT = "input[type=radio][id$='review_notice_noticeDecision_48-0']";

    @LocalServerPort
    int port;

    @Test
    void theAgentCompletesTheNoticeReviewInTasklist() {
        // given a notice waits for the agent's review
        Api api = api();
        String key = api.declare("commander", "Webmail logins fail");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "webmail", "customerImpact", "Customers cannot log in to webmail."));
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        String subject = "Disruption: Webmail logins fail (" + key + ")";

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the agent logs in to Tasklist, opens the review, claims it and completes it
            logIn(browser, "agent");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + review.path("id").asText());
            browser.waitFor("document.querySelector('.fjs-container') && document.body.innerText.includes('"
                    + subject.replace("'", "\\'") + "')", RENDERING);
            browser.click("button.claim");
            // the form chooses no decision for the agent: send it
            browser.waitFor("document.querySelector(\"" + SEND_IT + "\") && !document.querySelector(\"" + SEND_IT + "\").disabled",
                    RENDERING);
            clickUntil(browser, SEND_IT, "document.querySelector(\"" + SEND_IT + "\").checked");
            browser.waitFor("document.querySelector('" + COMPLETE.replace("'", "\\'") + "') && !document.querySelector('"
                    + COMPLETE.replace("'", "\\'") + "').disabled", RENDERING);
            browser.click(COMPLETE);

            // then the review is done and the process goes on (a SEV2 notice needs no approval)
            try {
                await().atMost(RENDERING).pollInterval(Duration.ofMillis(200))
                        .until(() -> api.task("agent", key, "ReviewNotice") == null);
            } catch (RuntimeException notCompleted) {
                browser.screenshot(SCREENSHOTS.resolve("tasklist-review-not-completed.png"));
                throw new AssertionError("the review stayed open; Tasklist shows: " + browser.text(), notCompleted);
            }
        }
        JsonNode incident = await().atMost(Duration.ofSeconds(30)).until(() -> api.incident("commander", key),
                i -> i.path("timeline").toString().contains("initial notice sent by e-mail"));
        assertThat(incident.path("incident").path("severity").asText()).isEqualTo("SEV2");
    }

    /**
     * Tasklist's login form, tried again when the page had not bound its fields yet: on a busy machine
     * AngularJS may render the form before it listens to it, and the typed name is then lost.
     */
    private void logIn(HeadlessChromium browser, String user) {
        BrowserLogin.logIn(browser, base(), "tasklist", user);
    }

    /** Tasklist draws the form again once the task is claimed; a click on the form it replaced is lost. */
    static void clickUntil(HeadlessChromium browser, String selector, String condition) {
        IllegalStateException lastTry = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            browser.click(selector);
            try {
                browser.waitFor(condition, Duration.ofSeconds(5));
                return;
            } catch (IllegalStateException notYet) {
                lastTry = notYet;
            }
        }
        throw lastTry;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
