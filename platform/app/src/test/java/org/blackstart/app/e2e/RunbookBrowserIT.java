package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Runbooks in a real browser: a commander runs one from the incident tab's "Run a runbook" panel, then works its
 * first step in Tasklist, whose Evidence tab lists the step's files. The screenshots stay in {@code target/screenshots}.
 */
class RunbookBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void aCommanderRunsARunbookFromTheIncidentAndWorksItsFirstStepInTasklist() {
        // given an incident waiting for triage
        Api api = api();
        String key = api.declare("commander", "Mail database corrupted, from the console");
        String triage = api.awaitTask("commander", key, "Triage").path("id").asText();

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            BrowserLogin.logIn(browser, base(), "tasklist", "commander");

            // when the commander opens the incident tab, chooses the mail database runbook and runs it
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + triage + "&detailsTab=blackstart.incident");
            browser.waitFor("!!document.querySelector('details.bs-open-runbooks summary')", RENDERING);
            browser.click("details.bs-open-runbooks summary");
            browser.waitFor("!!document.querySelector('form.bs-runbook select option[value=\"mail-database-restore\"]')", RENDERING);
            browser.evaluate("(() => { const s = document.querySelector('form.bs-runbook select'); s.value = 'mail-database-restore';"
                    + " s.dispatchEvent(new Event('change')); return true; })()");
            assertThat(text(browser, ".bs-runbook-description")).contains("backup");
            browser.click("form.bs-runbook button");

            // then the panel says so and lists the run at its first step
            browser.waitFor(shown(".bs-message", "Runbook started"), RENDERING);
            browser.waitFor(shown(".bs-runbook-runs", "Choose the newest good backup"), RENDERING);
            browser.evaluate("document.querySelector('details.bs-open-runbooks').scrollIntoView()");
            Path panel = browser.screenshot(SCREENSHOTS.resolve("runbook-console-panel.png"));
            assertThat(text(browser, ".bs-runbook-runs")).contains("Mail database restore and replay").contains("running")
                    .contains("started by commander");
            Screenshots.assertShowsAWindow(panel);

            // when the commander claims the first step, with a log attached, and opens it in Tasklist
            JsonNode step = api.awaitTask("commander", key, "ChooseBackup");
            String stepId = step.path("id").asText();
            api.send("commander", HttpMethod.POST, api.engine("/task/" + stepId + "/claim"), "{\"userId\":\"commander\"}");
            assertThat(upload("commander", stepId, "backup-list.txt", "mx-db-02 2026-12-07 03:00 sha256 ok")
                    .getStatusCode().value()).isEqualTo(201);
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + stepId);
            browser.waitFor("!!document.querySelector('[cam-tasklist-form] .fjs-container')"
                    + " && document.querySelector('[cam-tasklist-form]').innerText.includes('Checksum')", RENDERING);
            Path form = browser.screenshot(SCREENSHOTS.resolve("runbook-step-form.png"));

            // then its form asks what to check, and the Evidence tab lists the attached file
            assertThat(text(browser, "[cam-tasklist-form]")).contains("Backup");
            Screenshots.assertShowsAWindow(form);
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + stepId + "&detailsTab=blackstart.runbook-evidence");
            browser.waitFor(shown(".bs-evidence-list", "backup-list.txt"), RENDERING);
            Path evidence = browser.screenshot(SCREENSHOTS.resolve("runbook-step-evidence.png"));
            assertThat(text(browser, ".bs-evidence-list")).contains("by commander");
            assertThat(browser.evaluate("!!document.querySelector('form.bs-evidence-upload input[type=file]')").asBoolean()).isTrue();
            Screenshots.assertShowsAWindow(evidence);
        }
    }

    private ResponseEntity<String> upload(String user, String taskId, String name, String content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.TEXT_PLAIN);
        part.setContentDispositionFormData("file", name);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/runbook-steps/" + taskId + "/evidence", HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    private static String text(HeadlessChromium browser, String selector) {
        return browser.evaluate("(() => { const e = document.querySelector(" + BrowserLogin.js(selector)
                + "); return e ? e.innerText : ''; })()").asText();
    }

    private static String shown(String selector, String text) {
        return "(() => { const e = document.querySelector(" + BrowserLogin.js(selector) + "); return !!e && e.innerText.includes("
                + BrowserLogin.js(text) + "); })()";
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
