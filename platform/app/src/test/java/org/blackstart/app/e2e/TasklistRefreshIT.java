package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A commander keeps Tasklist open through the night: a new SEV1's Triage shows up by itself, and a
 * SEV1 task is listed above a SEV3 one. Screenshots in {@code target/screenshots}.
 */
class TasklistRefreshIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);
    /** Tasklist refreshes a filter marked so every 10 s; twice that and a margin. */
    private static final Duration REFRESHED = Duration.ofSeconds(25);

    @LocalServerPort
    int port;
    @Autowired
    FilterService filters;

    @Test
    void aDeclaredSev1AppearsInTheOpenTasklistWithoutAReloadAboveASev3() {
        // Other tests leave their tasks open in this shared application: the list is searched for this test's own.
        String run = "R" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String sev1Title = "Power cut in hall 2 " + run;
        String sev3Title = "Slow webmail search " + run;
        Api api = api();

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // given the commander is logged in to Tasklist, on the filter it opens first
            logIn(browser, "commander");
            String urgent = filters.createTaskFilterQuery().filterName("SEV1 and SEV2 now").singleResult().getId();
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?filter=" + urgent + "&searchQuery=" + search(run));
            browser.waitFor("document.querySelector('.tasks-list') && document.body.innerText.includes('SEV1 and SEV2 now')",
                    RENDERING);
            String before = browser.url();
            assertThat(taskNames(browser)).as("nothing of this test yet").noneMatch(name -> name.contains(run));

            // when a SEV1 incident is declared through the API
            String sev1 = TaskUrgencyIT.declare(api, sev1Title, "SEV1", null);
            api.awaitTask("commander", sev1, "Triage");

            // then its Triage task appears in the open list, with no click and no reload
            browser.waitFor(listed("Triage " + sev1 + ": " + sev1Title), REFRESHED);
            Path appeared = browser.screenshot(SCREENSHOTS.resolve("tasklist-sev1-appears.png"));
            assertThat(browser.url()).isEqualTo(before);
            Screenshots.assertShowsAWindow(appeared);

            // when the commander looks at all tasks, and a SEV3 incident is declared after the SEV1
            String all = filters.createTaskFilterQuery().filterName("All tasks").singleResult().getId();
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?filter=" + all + "&searchQuery=" + search(run));
            browser.waitFor(listed("Triage " + sev1 + ": " + sev1Title), RENDERING);
            String sev3 = TaskUrgencyIT.declare(api, sev3Title, "SEV3", null);
            api.awaitTask("commander", sev3, "Triage");

            // then the newer SEV3 task appears by itself, below the SEV1 task
            browser.waitFor(listed("Triage " + sev3 + ": " + sev3Title), REFRESHED);
            Path ordered = browser.screenshot(SCREENSHOTS.resolve("tasklist-sev1-above-sev3.png"));
            List<String> names = taskNames(browser);
            int sev1Row = indexOf(names, sev1Title);
            int sev3Row = indexOf(names, sev3Title);
            assertThat(sev1Row).as("rows: %s", names).isNotNegative().isLessThan(sev3Row);
            Screenshots.assertShowsAWindow(ordered);
        }
    }

    @Test
    void aCommentAddedInTasklistIsOnTheIncidentsTimeline() {
        // given a commander's incident waiting at triage
        Api api = api();
        String key = TaskUrgencyIT.declare(api, "Chiller alarm in hall 1", "SEV2", null);
        String taskId = api.awaitTask("commander", key, "Triage").path("id").asText();

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander opens the task in Tasklist and adds a comment
            logIn(browser, "commander");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
            browser.waitFor("document.body.innerText.includes('Triage " + key + "')", RENDERING);
            browser.screenshot(SCREENSHOTS.resolve("tasklist-task-opened.png"));
            browser.waitFor("Array.from(document.querySelectorAll('.createCommentLink')).some(e => e.offsetParent !== null)",
                    RENDERING);
            browser.click(".createCommentLink");
            // The dialog slides in: typed into and clicked once it stands still, or the click lands beside Save.
            browser.waitFor("!!document.querySelector('.modal.in #comment-form-message')", RENDERING);
            browser.type("#comment-form-message", "Facilities on site, chiller 2 restarting.");
            browser.waitFor("!document.querySelector('.modal.in .modal-footer button.btn-primary').disabled", RENDERING);
            browser.waitFor(standingStill(".modal.in .modal-footer button.btn-primary"), RENDERING);
            browser.click(".modal.in .modal-footer button.btn-primary");
            browser.waitFor("!document.querySelector('#comment-form-message')", RENDERING);
            Path commented = browser.screenshot(SCREENSHOTS.resolve("tasklist-comment-added.png"));

            // then the incident's timeline has it, by the commander
            JsonNode timeline = api.incident("commander", key).path("timeline");
            List<String> comments = new ArrayList<>();
            timeline.forEach(entry -> {
                if (entry.path("kind").asText().equals("COMMENT")) {
                    comments.add(entry.path("actor").asText() + ": " + entry.path("detail").asText());
                }
            });
            assertThat(comments).containsExactly("commander: Facilities on site, chiller 2 restarting.");
            Screenshots.assertShowsAWindow(commented);
        }
    }

    /** True once the element is where it was at the previous poll. */
    private static String standingStill(String cssSelector) {
        return "(() => { const box = JSON.stringify(document.querySelector('" + cssSelector + "').getBoundingClientRect());"
                + " const still = window.blackstartLastBox === box; window.blackstartLastBox = box; return still; })()";
    }

    private void logIn(HeadlessChromium browser, String user) {
        BrowserLogin.logIn(browser, base(), "tasklist", user);
    }

    private static int indexOf(List<String> names, String title) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).contains(title)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> taskNames(HeadlessChromium browser) {
        List<String> names = new ArrayList<>();
        JsonNode rows = browser.evaluate("Array.from(document.querySelectorAll('.tasks-list li.task')).map(e => e.innerText)");
        rows.forEach(row -> names.add(row.asText()));
        return names;
    }

    private static String listed(String taskName) {
        return "Array.from(document.querySelectorAll('.tasks-list li.task')).some(e => e.innerText.includes('"
                + taskName.replace("'", "\\'") + "'))";
    }

    /** Tasklist's own search, as its search box writes it into the address. */
    private static String search(String text) {
        return URLEncoder.encode("[{\"type\":\"nameLike\",\"operator\":\"like\",\"value\":\"" + text + "\",\"name\":\"\"}]",
                StandardCharsets.UTF_8);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
