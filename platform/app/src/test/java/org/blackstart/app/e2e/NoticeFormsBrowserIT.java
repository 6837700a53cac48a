package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The notice forms as the agent and the commander see them in Tasklist: the review folds each
 * language into a section of its own and chooses nothing for the agent; the approval shows the
 * channels the agent chose and each text, and nothing that will not go out. The screenshots stay in
 * {@code target/screenshots}.
 */
class NoticeFormsBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Tasklist loads its scripts, then the task, then the form and its variables one after another.
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String FORM = "document.querySelector('.fjs-form')";
    private static final List<String> LANGUAGES = List.of("en", "nl", "de", "fr");

    @LocalServerPort
    int port;

    @Test
    void theReviewFoldsEachLanguageAndChoosesNothingForTheAgent() {
        // given a SEV1 notice to customers of mail, who read four languages, waits for the agent
        Api api = api();
        String key = sev1Incident(api, "Mail storage offline");
        JsonNode review = claimed(api, "agent", api.awaitTask("agent", key, "ReviewNotice"));
        String subject = "Disruption: Mail storage offline (" + key + ")";

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the agent opens the review in Tasklist
            logIn(browser, "agent");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + review.path("id").asText());
            browser.waitFor("document.querySelector(" + js(toggle("fr")) + ") && document.body.innerText.includes(" + js(subject) + ")",
                    RENDERING);
            double folded = formHeight(browser);
            Path foldedShot = browser.screenshot(SCREENSHOTS.resolve("review-notice-folded.png"));

            // then every language is a folded section naming its subject, and no decision is chosen
            assertThat(browser.text()).contains("English (en)", "Nederlands (nl)", "Deutsch (de)", "Français (fr)")
                    .contains("E-mail subject: " + subject);
            assertThat(fieldValues(browser)).as("no text field is open yet").doesNotContain(subject);
            assertThat(browser.evaluate("document.querySelectorAll('.fjs-container input[type=radio]:checked').length").asInt())
                    .as("decisions chosen in advance").isZero();
            assertThat(folded).as("height of the folded form in px").isLessThan(2500);

            // when the agent unfolds the English section
            browser.click(toggle("en"));
            browser.waitFor(fieldHolding(subject), RENDERING);
            double english = formHeight(browser);
            Path englishShot = browser.screenshot(SCREENSHOTS.resolve("review-notice-english-unfolded.png"));

            // then its texts are there to edit, and the others stay folded
            assertThat(fieldValues(browser)).contains(subject).noneMatch(value -> value.startsWith("Storing:"));
            assertThat(english).isGreaterThan(folded);

            // and when the agent unfolds every language, the form is as long as it was before folding
            for (String language : LANGUAGES.subList(1, LANGUAGES.size())) {
                browser.click(toggle(language));
            }
            browser.waitFor(fieldHolding("Storing: Mail storage offline (" + key + ")"), RENDERING);
            double unfolded = formHeight(browser);
            System.out.printf("Review form height: %.0f px folded, %.0f px with English open, %.0f px with every language open%n",
                    folded, english, unfolded);
            assertThat(unfolded).isGreaterThan(english);
            Screenshots.assertShowsAWindow(foldedShot);
            Screenshots.assertShowsAWindow(englishShot);
        }
    }

    @Test
    void theApprovalShowsTheChosenChannelsAndNothingElse() {
        // given the agent sends a SEV1 notice by e-mail and on the status page only
        Api api = api();
        String key = sev1Incident(api, "Mail queues stuck");
        JsonNode review = claimed(api, "agent", api.awaitTask("agent", key, "ReviewNotice"));
        Map<String, Object> chosen = new LinkedHashMap<>();
        chosen.put("noticeDecision", "send");
        for (String channel : List.of("email", "sms", "x", "mastodon", "statuspage")) {
            chosen.put("send_" + channel, channel.equals("email") || channel.equals("statuspage"));
        }
        ResponseEntity<String> sent = api.complete("agent", review.path("id").asText(), chosen);
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(204);
        JsonNode approval = claimed(api, "commander", api.awaitTask("commander", key, "ApproveNotice"));
        String subject = "Disruption: Mail queues stuck (" + key + ")";

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander opens the approval in Tasklist
            logIn(browser, "commander");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + approval.path("id").asText());
            browser.waitFor("document.querySelector('.fjs-container') && document.body.innerText.includes(" + js(subject) + ")",
                    RENDERING);
            Path shot = browser.screenshot(SCREENSHOTS.resolve("approve-notice.png"));

            // then it names the channels and shows their texts, and no X, Mastodon or SMS text
            String text = browser.text();
            assertThat(text).containsPattern("It goes out exactly as shown below: e-mail to \\d+ recipients and the status page\\.")
                    .doesNotContain("by SMS");
            List<String> headings = new ArrayList<>();
            browser.evaluate("Array.from(document.querySelectorAll('.fjs-container h3, .fjs-container h4'))"
                    + ".map(e => e.innerText.trim())").forEach(h -> headings.add(h.asText()));
            assertThat(headings).contains("E-mail", "Status page entry").doesNotContain("SMS", "X post", "Mastodon post");
            assertThat(text).contains("Nederlands (nl)", "Deutsch (de)", "Français (fr)").contains(subject);
            assertThat(browser.evaluate("document.querySelectorAll('.fjs-container input[type=radio]:checked').length").asInt())
                    .as("decisions chosen in advance").isZero();
            Screenshots.assertShowsAWindow(shot);
        }
    }

    private static String toggle(String language) {
        return "input[type=checkbox][id$='review_notice_noticeShow_" + language + "']";
    }

    private static double formHeight(HeadlessChromium browser) {
        return browser.evaluate(FORM + ".getBoundingClientRect().height").asDouble();
    }

    private static List<String> fieldValues(HeadlessChromium browser) {
        List<String> values = new ArrayList<>();
        browser.evaluate("Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea')).map(e => e.value)")
                .forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String fieldHolding(String value) {
        return "Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea')).some(e => e.value === "
                + js(value) + ")";
    }

    private static JsonNode claimed(Api api, String user, JsonNode task) {
        ResponseEntity<String> claim = api.send(user, HttpMethod.POST, api.engine("/task/" + task.path("id").asText() + "/claim"),
                "{\"userId\":\"" + user + "\"}");
        assertThat(claim.getStatusCode().value()).isEqualTo(204);
        return task;
    }

    private static String sev1Incident(Api api, String title) {
        String key = api.declare("commander", title);
        ResponseEntity<String> triaged = api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV1", "affectedServices", "mail", "customerImpact", "Incoming mail is held."));
        assertThat(triaged.getStatusCode().value()).isEqualTo(204);
        return key;
    }

    /**
     * Tasklist's login form, tried again when the page had not bound its fields yet: on a busy machine
     * AngularJS may render the form before it listens to it, and the typed name is then lost.
     */
    private void logIn(HeadlessChromium browser, String user) {
        BrowserLogin.logIn(browser, base(), "tasklist", user);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String js(String text) {
        return BrowserLogin.js(text);
    }
}
