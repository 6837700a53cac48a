package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage.Kind;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a commander sees in Tasklist when StoreCo asks permission to restart our controllers (a yes or a
 * no, and why), and when the incident closes with StoreCo's case still open (keep it or close it).
 * The screenshots stay in {@code target/screenshots}.
 */
class VendorFormsBrowserIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration RENDERING = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    VendorInbox inbox;

    @Test
    void theCommanderSeesThePermissionRequestAndTheKeepQuestionInTasklist() {
        // given an incident escalated to StoreCo, who asks permission to restart our controllers
        VendorSteps steps = new VendorSteps(http, api());
        String key = steps.triagedIncident("Array A3 degraded, StoreCo asks to restart it", "SEV2");
        assertThat(steps.escalate(key, "storeco", "Controller B dropped offline.").getStatusCode().value()).isEqualTo(201);
        String caseNumber = await().atMost(RENDERING).pollInterval(Duration.ofMillis(200))
                .until(() -> steps.cases(key), cases -> cases.size() == 1).get(0).path("caseNumber").asText();
        inbox.receive(VendorSteps.storecoMail(caseNumber, Kind.REQUEST, "May we restart both storage controllers tonight at 02:00?"));
        JsonNode ask = api().awaitTask("commander", key, "AnswerVendorRequest");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            BrowserLogin.logIn(browser, base(), "tasklist", "commander");

            // when the commander opens the request
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + ask.path("id").asText());
            waitUntilShown(browser, "asks for permission");
            Path request = browser.screenshot(SCREENSHOTS.resolve("vendor-permission-request.png"));

            // then the form says a yes or a no is owed, and offers it
            assertThat(browser.text()).contains("StoreCo Storage Systems asks for permission", "Your decision", "Approve",
                    "Refuse", "May we restart both storage controllers");
            Screenshots.assertShowsAWindow(request);

            // when the incident closes with the case open, the commander opens the keep question
            api().claimAndComplete("commander", ask, java.util.Map.of("vendorDecision", "approve",
                    "vendorAnswer", "Go ahead; traffic is off array A3."));
            steps.closeKeepingCases(key);
            JsonNode keep = api().awaitTask("commander", key, "KeepVendorCase");
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + keep.path("id").asText());
            waitUntilShown(browser, "Keep it open after the incident");
            Path question = browser.screenshot(SCREENSHOTS.resolve("vendor-keep-case.png"));

            // then it asks to keep or close, and why
            assertThat(browser.text()).contains("Keep StoreCo Storage Systems's case open?", "Close it now",
                    "Why (required when you keep it)");
            Screenshots.assertShowsAWindow(question);
        }
        steps.decideKeep(key, "close", null);
    }

    private static void waitUntilShown(HeadlessChromium browser, String text) {
        browser.waitFor("document.body.innerText.includes(" + BrowserLogin.js(text) + ")", RENDERING);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
