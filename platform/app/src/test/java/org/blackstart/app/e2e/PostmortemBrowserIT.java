package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The commander's postmortem in a real browser: the write form in Tasklist, and the internal postmortem page with
 * the draft it links to. The screenshots stay in {@code target/screenshots} for a person to look at.
 */
class PostmortemBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String SUMMARY = "textarea[id$='postmortem_write_summary_2']";

    @LocalServerPort
    int port;

    @Test
    void theCommanderWritesThePostmortemInTasklistFromTheDraft() {
        // given a closed SEV2 incident whose postmortem waits to be written
        Api api = api();
        String key = PostmortemIT.closedIncident(api, "Datacenter power lost", "SEV2");
        JsonNode write = api.awaitTask("commander", key, "WritePostmortem");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander logs in to Tasklist, opens the write task and claims it
            browser.navigate(base() + "/camunda/app/tasklist/");
            browser.type("form[name=signinForm] input[ng-model=username]", "commander");
            browser.type("form[name=signinForm] input[ng-model=password]", "commander");
            browser.click("form[name=signinForm] button[type=submit]");
            browser.waitFor("!document.querySelector('form[name=signinForm]')", RENDERING);
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + write.path("id").asText());
            browser.waitFor("document.querySelector(\"" + SUMMARY + "\")", RENDERING);
            TasklistFormGuardIT.clickUntil(browser, "button.claim", "!document.querySelector('button.claim')");
            browser.waitFor("!document.querySelector(\"" + SUMMARY + "\").disabled", RENDERING);
            Path form = browser.screenshot(SCREENSHOTS.resolve("commander-postmortem-form.png"));

            // then the form asks for the sections, steers away from blaming people, and links to the draft
            assertThat(browser.text()).contains("Write the postmortem for " + key + ": Datacenter power lost",
                    "Contributing factors", "not \"root cause = a person\"", "What went well", "Where we got lucky",
                    "What we are changing, for customers", "Reviewer", "Meeting date", "Time (UTC)");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('.fjs-container a')).map(a => a.getAttribute('href'))")
                    .toString()).contains("/incidents/" + key + "/postmortem");
            Screenshots.assertShowsAWindow(form);

            // when the commander follows the link to the draft
            browser.navigate(base() + "/incidents/" + key + "/postmortem");
            browser.waitFor("document.body.innerText.includes('Key times and durations')", RENDERING);
            Path page = browser.screenshot(SCREENSHOTS.resolve("postmortem-page.png"));

            // then the page shows the draft built from what was recorded
            assertThat(browser.text()).containsIgnoringCase("Postmortem · Draft");
            assertThat(browser.text()).contains("Datacenter power lost", "Time to detect",
                    "No mail in or out.", "Nothing was pinned.");
            Screenshots.assertShowsAWindow(page);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
