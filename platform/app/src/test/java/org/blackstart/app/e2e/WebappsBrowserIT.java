package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Camunda's webapps as Blackstart's people meet them in a real browser: Blackstart's name and logo and
 * no migration banner, admin in Cockpit and Admin, declaring from Tasklist's Start process, and the
 * longest form's Complete button. The screenshots stay in {@code target/screenshots} for a person to look at.
 */
class WebappsBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // The webapps load their scripts, then the data, one request after another.
    private static final Duration RENDERING = Duration.ofSeconds(30);
    // Camunda Forms take a typed value after a short debounce; a click right after typing would submit without it.
    private static final Duration FORM_DEBOUNCE = Duration.ofSeconds(1);
    private static final Pattern DECLARED = Pattern.compile("Incident (INC-\\d{4}-\\d{4,}) declared");

    @LocalServerPort
    int port;

    @Test
    void tasklistShowsBlackstartsNameAndLogoAndNoMigrationBanner() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when a commander logs in to Tasklist
            logIn(browser, "tasklist", "commander");
            browser.waitFor("document.body.innerText.includes('Start process')", RENDERING);
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("tasklist-branding.png"));

            // then header and browser tab say Blackstart, the logo is Blackstart's and loads, and Camunda's banner is not shown
            assertThat(browser.evaluate("document.title").asText()).isEqualTo("Blackstart Tasklist");
            assertThat(browser.evaluate("document.querySelector('[cam-widget-header] .brand-name').innerText").asText())
                    .isEqualTo("Blackstart Tasklist");
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('[cam-widget-header] .brand-logo')).backgroundImage")
                    .asText()).contains("/camunda/assets/blackstart-logo.svg");
            assertThat(browser.evaluate("fetch('/camunda/assets/blackstart-logo.svg').then(r => r.status + ' ' + r.headers.get('Content-Type'))")
                    .asText()).startsWith("200 image/svg+xml");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('.brand-logo svg, .ce-eol-banner'))"
                    + ".filter(e => e.getBoundingClientRect().height > 0).length").asInt())
                    .as("Camunda's logo and its migration banner are in the page but not shown").isZero();
            assertThat(browser.text()).doesNotContain("migrate to Camunda 8").doesNotContain("Camunda Tasklist");
            Screenshots.assertShowsAWindow(screenshot);
        }
    }

    @Test
    void adminOpensCockpitWithTheDeployedProcessesAndAdminWithTheUsers() {
        Api api = api();
        int deployed = api.json(api.send("admin", HttpMethod.GET, api.engine("/process-definition/count?latestVersion=true"), null))
                .path("count").asInt();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when admin logs in to Cockpit
            logIn(browser, "cockpit", "admin");
            browser.navigate(base() + "/camunda/app/cockpit/default/#/dashboard");
            browser.waitFor("/Process Definitions\\s+[1-9]/.test(document.body.innerText)", RENDERING);
            Path dashboard = browser.screenshot(SCREENSHOTS.resolve("admin-cockpit-dashboard.png"));

            // then Cockpit, branded, counts every deployed process on its dashboard
            assertThat(browser.evaluate("document.title").asText()).startsWith("Blackstart Cockpit");
            Matcher count = Pattern.compile("Process Definitions\\s+(\\d+)").matcher(browser.text());
            assertThat(count.find()).as(browser.text()).isTrue();
            assertThat(Integer.parseInt(count.group(1))).isEqualTo(deployed).isGreaterThan(0);
            assertThat(browser.text()).doesNotContain("migrate to Camunda 8");
            Screenshots.assertShowsAWindow(dashboard);

            // and lists them by name
            browser.navigate(base() + "/camunda/app/cockpit/default/#/processes");
            browser.waitFor("document.body.innerText.includes('Major incident')", RENDERING);
            Path processes = browser.screenshot(SCREENSHOTS.resolve("admin-cockpit-processes.png"));
            assertThat(browser.text()).contains("Major incident", "Customer notice");
            Screenshots.assertShowsAWindow(processes);

            // when admin opens Admin's users
            browser.navigate(base() + "/camunda/app/admin/default/#/users");
            browser.waitFor("document.body.innerText.includes('Casey')", RENDERING);
            Path admin = browser.screenshot(SCREENSHOTS.resolve("admin-users.png"));

            // then Admin, branded, lists the people
            assertThat(browser.evaluate("document.title").asText()).startsWith("Blackstart Admin");
            assertThat(browser.text()).contains("commander", "agent", "Casey", "Alex");
            Screenshots.assertShowsAWindow(admin);

            // and Welcome, where everyone lands from the header's menu, is branded too
            browser.navigate(base() + "/camunda/app/welcome/default/");
            browser.waitFor("document.title.startsWith('Blackstart Welcome') && document.body.innerText.includes('Cockpit')", RENDERING);
            Path welcome = browser.screenshot(SCREENSHOTS.resolve("admin-welcome.png"));
            assertThat(browser.text()).contains("Admin", "Tasklist").doesNotContain("migrate to Camunda 8");
            Screenshots.assertShowsAWindow(welcome);
        }
    }

    @Test
    void declaringFromStartProcessShowsTheIncidentKeyAndOpensItsTriage() throws InterruptedException {
        String title = "Power cut in datacenter A, declared in Tasklist";
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // given a commander in Tasklist
            logIn(browser, "tasklist", "commander");
            browser.waitFor("document.body.innerText.includes('Start process')", RENDERING);

            // when they start "Major incident" from Start process and submit its form
            browser.click("[cam-widget-header] li.start-process-action a");
            // the dialog's own list: the task list behind it may already say "Major incident"
            browser.waitFor("Array.from(document.querySelectorAll('.modal-content ul.processes a'))"
                    + ".some(e => e.innerText.trim() === 'Major incident')", RENDERING);
            browser.evaluate("Array.from(document.querySelectorAll('.modal-content ul.processes a'))"
                    + ".find(e => e.innerText.trim() === 'Major incident').click()");
            browser.type(".modal-content .fjs-container input", title);
            Thread.sleep(FORM_DEBOUNCE.toMillis());
            browser.evaluate("Array.from(document.querySelectorAll('.modal-footer button')).find(e => e.innerText.trim() === 'Start').click()");

            // then Tasklist says the incident's key and opens its Triage task
            browser.waitFor("/Incident INC-\\d{4}-\\d{4,} declared/.test(document.body.innerText)"
                    + " && location.hash.includes('task=') && document.body.innerText.includes('Triage INC-')", RENDERING);
            browser.waitFor("document.querySelector('[cam-tasklist-form] .fjs-container') !== null", RENDERING);
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("tasklist-declared.png"));
            Matcher declared = DECLARED.matcher(browser.text());
            assertThat(declared.find()).as(browser.text()).isTrue();
            String key = declared.group(1);
            Api api = api();
            JsonNode triage = api.task("commander", key, "Triage");
            assertThat(triage.path("name").asText()).isEqualTo("Triage " + key + ": " + title);
            assertThat(browser.url()).contains("task=" + triage.path("id").asText());
            assertThat(browser.text()).contains("Triage " + key + ": " + title);
            Screenshots.assertShowsAWindow(screenshot);
        }
    }

    @Test
    void completeIsFullyShownAboveTheFooterAtTheEndOfTheReviewForm() {
        // given a notice review, the longest form, claimed by an agent
        Api api = api();
        String key = api.declare("commander", "Mail delivery delayed, long review form");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "mail", "customerImpact", "Incoming mail arrives up to an hour late."));
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        String taskId = review.path("id").asText();
        api.send("agent", HttpMethod.POST, api.engine("/task/" + taskId + "/claim"), "{\"userId\":\"agent\"}");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            logIn(browser, "tasklist", "agent");
            for (int[] window : new int[][] {{1280, 800}, {800, 560}}) {
                // when the agent opens it in this window and scrolls to its end
                browser.resize(window[0], window[1]);
                browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
                browser.waitFor(COMPLETE + " !== undefined && " + COMPLETE + ".getBoundingClientRect().height > 0", RENDERING);
                JsonNode complete = browser.evaluate("(() => { const button = " + COMPLETE + ";"
                        + " let pane = button.parentElement; while (pane && getComputedStyle(pane).overflowY !== 'auto') { pane = pane.parentElement; }"
                        + " button.scrollIntoView({block: 'end'}); if (pane) { pane.scrollTop = pane.scrollHeight; }"
                        + " const r = button.getBoundingClientRect(); const footer = document.querySelector('[cam-widget-footer]').getBoundingClientRect();"
                        + " const hit = document.elementFromPoint(r.left + r.width / 2, r.bottom - 2);"
                        + " return {bottom: r.bottom, footerTop: footer.top, hitsButton: button === hit || button.contains(hit), enabled: !button.disabled}; })()");
                Path screenshot = browser.screenshot(SCREENSHOTS.resolve("review-form-end-" + window[0] + "x" + window[1] + ".png"));

                // then Complete is whole, above the footer, and what a click there hits
                assertThat(complete.path("enabled").asBoolean()).as("Complete is enabled for the claimant: %s", complete).isTrue();
                assertThat(complete.path("bottom").asDouble()).as("%sx%s: %s", window[0], window[1], complete)
                        .isLessThanOrEqualTo(complete.path("footerTop").asDouble());
                assertThat(complete.path("hitsButton").asBoolean()).as("%sx%s: %s", window[0], window[1], complete).isTrue();
                Screenshots.assertShowsAWindow(screenshot, window[0], window[1]);
            }
        }
    }

    private static final String COMPLETE =
            "Array.from(document.querySelectorAll('[cam-tasklist-form] button')).find(e => e.innerText.trim() === 'Complete')";

    /** The webapps' login page; waits until AngularJS has compiled the form, or the typed name would not reach it. */
    private void logIn(HeadlessChromium browser, String app, String user) {
        BrowserLogin.logIn(browser, base(), app, user);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
