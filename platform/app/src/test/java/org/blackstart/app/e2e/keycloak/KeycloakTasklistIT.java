package org.blackstart.app.e2e.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.blackstart.testkit.keycloak.BlackstartRealm;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** A commander at work in Tasklist, logged in through Keycloak's login page, in a real browser. */
class KeycloakTasklistIT extends KeycloakPlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Tasklist loads its scripts, then the task, then the form and its variables one after another.
    private static final Duration RENDERING = Duration.ofSeconds(30);
    private static final String COMPLETE = "button[ng-click=\"complete()\"]";
    private static final String KEYCLOAK_LOGIN_FORM = "!!document.querySelector('#kc-form-login #username')";

    @Test
    void aCommanderLogsInThroughKeycloakCompletesTheTriageAndLogsOutOfKeycloakToo() {
        // given an incident declared through the API, waiting at triage
        String commander = tokenOf(BlackstartRealm.COMMANDER);
        String key = declare(commander, "Mail queue stuck on relay 2");
        JsonNode triage = await().atMost(Duration.ofSeconds(30)).until(() -> task(commander, key, "Triage"), t -> t != null);
        String tasklist = base() + "/camunda/app/tasklist/" + ENGINE + "/";

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander opens Tasklist, is sent to Keycloak and logs in there
            browser.navigate(tasklist);
            browser.waitFor(KEYCLOAK_LOGIN_FORM, RENDERING);
            assertThat(browser.url()).startsWith(keycloak().issuerUri());
            browser.type("#username", BlackstartRealm.COMMANDER);
            browser.type("#password", BlackstartRealm.passwordOf(BlackstartRealm.COMMANDER));
            browser.click("#kc-login");
            browser.waitFor("location.href.startsWith(" + js(base()) + ")", RENDERING);

            // and opens the triage task, claims it, fills in the form and completes it
            browser.navigate(tasklist + "#/?task=" + triage.path("id").asText());
            browser.waitFor("!!" + field("Customer impact"), RENDERING);
            clickButton(browser, "Claim");
            browser.waitFor("!document.querySelector('button.claim')", RENDERING);
            browser.waitFor("!!" + field("Customer impact") + " && !" + field("Customer impact") + ".disabled", RENDERING);
            mark(browser, "Affected services", "affected-services");
            mark(browser, "Customer impact", "customer-impact");
            browser.type("[data-test=affected-services]", "mail");
            browser.type("[data-test=customer-impact]", "Outgoing mail waits up to 30 minutes on relay 2.");
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("keycloak-commander-triage.png"));
            browser.waitFor("!!document.querySelector(" + js(COMPLETE) + ") && !document.querySelector(" + js(COMPLETE)
                    + ").disabled", RENDERING);
            browser.click(COMPLETE);
            browser.waitFor("!document.querySelector(" + js(COMPLETE) + ") || !!document.querySelector('.notifications .alert')",
                    RENDERING);
            browser.screenshot(SCREENSHOTS.resolve("keycloak-commander-triage-completed.png"));

            // then the process moved on: the incident is triaged with what the commander typed
            JsonNode incident = await().atMost(RENDERING).until(() -> json(call(commander, HttpMethod.GET,
                    "/api/incidents/" + key, null)).path("incident"), i -> "triaged".equals(i.path("status").asText()));
            assertThat(incident.path("affectedServices").asText()).isEqualTo("mail");
            assertThat(incident.path("customerImpact").asText()).isEqualTo("Outgoing mail waits up to 30 minutes on relay 2.");
            assertThat(task(commander, key, "Triage")).isNull();
            JsonNode done = json(call(commander, HttpMethod.GET, engine("/history/task?taskId=" + triage.path("id").asText()), null)).get(0);
            assertThat(done.path("assignee").asText()).as("claimed in Tasklist as the Keycloak user").isEqualTo(BlackstartRealm.COMMANDER);
            assertThat(done.path("deleteReason").asText()).isEqualTo("completed");
            Screenshots.assertShowsAWindow(screenshot);

            // when the commander logs out with Tasklist's own button
            browser.navigate(tasklist);
            browser.waitFor("!!Array.from(document.querySelectorAll('a, button')).find(e => /log ?out|sign ?out/i.test(e.textContent))",
                    RENDERING);
            browser.evaluate("Array.from(document.querySelectorAll('a, button')).find(e => /log ?out|sign ?out/i.test(e.textContent)).click()");

            // then Tasklist asks for Keycloak's login again: the single sign-on session has ended, not only this one
            browser.waitFor(KEYCLOAK_LOGIN_FORM + " || !!document.querySelector('form[name=signinForm]')", RENDERING);
            browser.navigate(tasklist);
            browser.waitFor(KEYCLOAK_LOGIN_FORM, RENDERING);
            assertThat(browser.url()).startsWith(keycloak().issuerUri());
            browser.screenshot(SCREENSHOTS.resolve("keycloak-after-logout.png"));
        }
    }

    // form-js renders a label and its input in one .fjs-form-field
    private static String field(String label) {
        return "(Array.from(document.querySelectorAll('.fjs-form-field')).find(f => f.innerText.includes(" + js(label)
                + ")) || {querySelector: () => undefined}).querySelector('input, textarea')";
    }

    private static void mark(HeadlessChromium browser, String label, String name) {
        browser.evaluate(field(label) + ".setAttribute('data-test', " + js(name) + ")");
    }

    private static String button(String text) {
        return "Array.from(document.querySelectorAll('button, a')).find(e => e.textContent.trim() === " + js(text)
                + " && e.offsetParent !== null && !e.disabled)";
    }

    private static void clickButton(HeadlessChromium browser, String text) {
        browser.waitFor("!!" + button(text), RENDERING);
        browser.evaluate(button(text) + ".click()");
    }

    private static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
