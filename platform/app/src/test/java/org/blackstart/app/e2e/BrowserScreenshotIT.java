package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What people see in a real browser: the support agent's notice form in Tasklist, and the public
 * status page. The screenshots stay in {@code target/screenshots} for a person to look at.
 */
class BrowserScreenshotIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Tasklist loads its scripts, then the task, then the form and its variables one after another.
    private static final Duration RENDERING = Duration.ofSeconds(30);
    // The review form folds each language's texts until the agent ticks its box.
    private static final String ENGLISH_TEXTS = "input[type=checkbox][id$='review_notice_noticeShow_en']";

    @LocalServerPort
    int port;

    @Test
    void theAgentReviewsTheDraftedNoticeInTasklist() {
        // given a commander has declared and triaged an incident, so a notice waits for review
        Api api = api();
        String title = "Mail delivery delayed for some customers";
        String key = api.declare("commander", title);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "mail", "customerImpact", "Incoming mail arrives up to an hour late."));
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        String taskName = review.path("name").asText();
        String subject = "Disruption: " + title + " (" + key + ")";
        assertThat(taskName).isEqualTo("Review the initial notice " + key + ": " + title);

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the agent logs in to Tasklist with the login form
            browser.navigate(base() + "/camunda/app/tasklist/");
            browser.type("form[name=signinForm] input[ng-model=username]", "agent");
            browser.type("form[name=signinForm] input[ng-model=password]", "agent");
            browser.click("form[name=signinForm] button[type=submit]");
            browser.waitFor("!document.querySelector('form[name=signinForm]')", RENDERING);

            // and opens the review task, claims it and unfolds the English texts
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + review.path("id").asText());
            browser.waitFor("document.querySelector(" + jsString(ENGLISH_TEXTS) + ")", RENDERING);
            browser.click("button.claim");
            browser.waitFor("!document.querySelector(" + jsString(ENGLISH_TEXTS) + ").disabled", RENDERING);
            TasklistFormGuardIT.clickUntil(browser, ENGLISH_TEXTS, formFieldHolding(subject));
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("agent-notice-form.png"));

            // then the form shows the task and the drafted notice, ready to edit
            assertThat(browser.text()).contains(taskName).contains("Preview of the e-mail").contains(subject)
                    .as("the demo customers read four languages").contains("Nederlands (nl)", "Deutsch (de)", "Français (fr)");
            List<String> fields = new ArrayList<>();
            browser.evaluate(formFieldValues()).forEach(value -> fields.add(value.asText()));
            assertThat(fields).as("the form's fields hold the drafted subject and text").contains(subject)
                    .anySatisfy(field -> assertThat(field).contains("Incoming mail arrives up to an hour late.").contains(key));
            Screenshots.assertShowsAWindow(screenshot);
        }
    }

    @Test
    void thePublicStatusPageShowsTheServicesComponents() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when anyone opens the status page, without logging in
            int status = browser.navigate(base() + "/status");
            waitUntilShown(browser, "Mail delivery");
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("status-page.png"));

            // then it lists the components customers know
            assertThat(status).as("HTTP status of /status; the page shows:%n%s", browser.text()).isEqualTo(200);
            assertThat(browser.text()).contains("Mail delivery");
            Screenshots.assertShowsAWindow(screenshot);
        }
    }

    // A page may fill itself in with a script after loading; the assertions after this say what is missing.
    private static void waitUntilShown(HeadlessChromium browser, String text) {
        try {
            browser.waitFor("document.body.innerText.includes(" + jsString(text) + ")", Duration.ofSeconds(10));
        } catch (IllegalStateException notShown) {
            // reported by the assertions, with the page's text
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    // Camunda Forms (form-js) keep a field's value in the element, not in the page's text.
    private static String formFieldHolding(String value) {
        return formFieldValues() + ".includes(" + jsString(value) + ")";
    }

    private static String formFieldValues() {
        return "Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea')).map(e => e.value)";
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
