package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.app.demo.DemoMailServer;
import org.blackstart.app.statuspage.StatusStore;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The datacenter power cut, told truthfully: after Mitigate the commander sends a monitoring update and the
 * status page shows the mailings as recovering; after Resolve the resolved notice, in every language and on
 * every channel, no longer repeats the impact the triage described, says what fixed it, and keeps the root
 * cause inside the team, where the incident's API shows it.
 *
 * <p>The shared context has no X or Mastodon account: their posts are checked as the agent reviews and
 * approves them, which is the text those plugins post ({@code notice_x}, {@code notice_mastodon}).
 */
class NoticesSayWhatIsTrueIT extends PlatformIT {

    private static final String IMPACT = "Scheduled mailings are delayed";
    private static final String RESOLUTION = "The second power feed was connected and the mail queues drained.";
    private static final String ROOT_CAUSE = "Both UPS units of rack B7 hung on the same firmware bug.";
    private static final List<String> LANGUAGES = List.of("en", "nl", "de", "fr");
    private static final List<String> DEMO_CUSTOMERS = List.of("ann@customer.example", "bob@customer.example",
            "carol@customer.example", "dieter@customer.example", "elise@customer.example");
    private static final List<String> RESOLVED_SUBJECTS = List.of("Resolved: ", "Opgelost: ", "Behoben: ", "Résolu : ");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Tasklist loads its scripts, then the task, then the form and its variables one after another.
    private static final Duration RENDERING = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DemoMailServer mail;

    @Autowired
    StatusStore statusPage;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void theResolvedNoticeNoLongerRepeatsTheImpactTheMailingsRecoverFirstAndTheRootCauseStaysOnTheIncident()
            throws Exception {
        Api api = api();

        // given a triaged power cut whose first notice told customers the impact
        String key = api.declare("commander", "Power cut in the datacenter");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "mail,mailings", "customerImpact", IMPACT));
        JsonNode initial = api.awaitTask("agent", key, "ReviewNotice");
        assertThat(draft(api, initial).path("notice_en_text").path("value").asText())
                .as("while it lasts, the impact is news").contains(IMPACT);
        api.claimAndComplete("agent", initial, Map.of("noticeDecision", "send"));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusPage.updates(key), updates -> !updates.isEmpty());
        assertThat(mailingsState(api, key)).isEqualTo("partial-outage");

        // when the commander mitigates and tells customers the fix is being monitored
        assertThat(api.claimAndComplete("commander", api.awaitTask("commander", key, "Mitigate"), Map.of(
                "mitigationSummary", "Moved the racks to the generator", "mitigationNotice", "monitoring"))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode monitoring = api.awaitTask("agent", key, "ReviewNotice");
        assertThat(monitoring.path("name").asText()).startsWith("Review the monitoring notice");
        JsonNode monitoringDraft = draft(api, monitoring);
        for (String language : LANGUAGES) {
            assertThat(monitoringDraft.path("notice_" + language + "_text").path("value").asText())
                    .as("the monitoring update in %s", language).isNotBlank().doesNotContain(IMPACT);
        }
        assertThat(api.task("commander", key, "Resolve")).as("the commander can resolve while the agent reviews").isNotNull();
        api.claimAndComplete("agent", monitoring, Map.of("noticeDecision", "send"));

        // then the status page shows the mailings, and the incident, as recovering
        await().atMost(Duration.ofSeconds(30)).until(() -> mailingsState(api, key), "recovering"::equals);
        JsonNode summary = api.json(api.send(null, HttpMethod.GET, "/status/summary.json", null));
        JsonNode listed = find(summary.path("incidents"), "key", key);
        assertThat(listed.path("phase").asText()).isEqualTo("monitoring");
        assertThat(listed.path("impact").asText()).isEqualTo("recovering");
        String page = api.send(null, HttpMethod.GET, "/status", null).getBody();
        boolean mailingsOnlyOurs = true;
        for (JsonNode other : summary.path("incidents")) {
            mailingsOnlyOurs &= key.equals(other.path("key").asText()) || !other.path("components").toString().contains("\"mailings\"");
        }
        if (mailingsOnlyOurs) {
            // another IT of the shared context may hold the mailings down meanwhile, and the worst cause wins
            assertThat(page).contains("<span class=\"name\">Mailings</span><span class=\"state state-recovering\">Recovering</span>");
        }
        assertThat(api.send(null, HttpMethod.GET, "/status/incidents/" + key, null).getBody())
                .contains("incident impact-recovering").contains("Recovering ·");

        // when the commander resolves with a root cause, and the agent reviews the resolved notice
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Resolve"),
                Map.of("resolutionSummary", RESOLUTION, "rootCause", ROOT_CAUSE));
        JsonNode resolved = api.awaitTask("agent", key, "ReviewNotice");
        assertThat(resolved.path("name").asText()).startsWith("Review the resolved notice");
        JsonNode resolvedDraft = draft(api, resolved);

        // then no part of the draft, in any language or on any channel, repeats the impact or shows the root cause
        List<String> parts = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (String part : List.of("subject", "text", "html", "sms", "phone")) {
                parts.add("notice_" + language + "_" + part);
            }
        }
        parts.addAll(List.of("notice_x", "notice_mastodon", "notice_statuspage"));
        for (String part : parts) {
            assertThat(resolvedDraft.path(part).path("value").asText()).as(part).isNotBlank()
                    .doesNotContain(IMPACT).doesNotContain(ROOT_CAUSE);
        }
        for (String language : LANGUAGES) {
            assertThat(resolvedDraft.path("notice_" + language + "_text").path("value").asText())
                    .as("what fixed it, for the agent to review, in %s", language).contains(RESOLUTION);
        }
        api.claimAndComplete("agent", resolved, Map.of("noticeDecision", "send"));

        // and what was sent says the same: e-mail (text and HTML), SMS, the call scripts and the status page
        JsonNode incident = api.closeEarly("commander", key, Duration.ofSeconds(30));
        List<MimeMessage> resolvedMail = mailOf(key).stream()
                .filter(m -> DEMO_CUSTOMERS.contains(address(m)) && RESOLVED_SUBJECTS.stream().anyMatch(subject(m)::startsWith))
                .toList();
        assertThat(resolvedMail).as("one resolved notice per demo customer, in four languages").hasSize(DEMO_CUSTOMERS.size());
        assertThat(resolvedMail.stream().map(NoticesSayWhatIsTrueIT::subject).map(s -> s.substring(0, s.indexOf(':'))).distinct())
                .hasSize(LANGUAGES.size());
        for (MimeMessage message : resolvedMail) {
            Multipart alternative = (Multipart) message.getContent();
            String text = (String) alternative.getBodyPart(0).getContent();
            String html = (String) alternative.getBodyPart(1).getContent();
            assertThat(text).as("text to %s", address(message)).doesNotContain(IMPACT).contains(RESOLUTION);
            assertThat(html).as("HTML to %s", address(message)).doesNotContain(IMPACT).contains("second power feed");
        }
        List<String> sms = demoSms(api, key);
        assertThat(sms).as("initial, monitoring and resolved SMS to the two customers who prefer SMS").hasSize(6)
                .noneMatch(t -> t.contains(IMPACT));
        List<String> scripts = resolvedCallScripts(api, key);
        assertThat(scripts).as("a call script per key account (Dutch and French)").hasSize(2)
                .allSatisfy(s -> assertThat(s).doesNotContain(IMPACT).doesNotContain(ROOT_CAUSE).contains(RESOLUTION));
        StatusStore.Update post = statusPage.updates(key).stream().filter(u -> u.step().equals("resolved")).findFirst()
                .orElseThrow();
        assertThat(post.body()).doesNotContain(IMPACT).doesNotContain(ROOT_CAUSE).contains(RESOLUTION);
        assertThat(mailingsState(api, key)).as("a resolved incident no longer holds the mailings down").isEqualTo("operational");

        // and the root cause and resolution given at Resolve are on the incident
        assertThat(incident.path("incident").path("rootCause").asText()).isEqualTo(ROOT_CAUSE);
        assertThat(incident.path("incident").path("resolution").asText()).isEqualTo(RESOLUTION);
        assertThat(incident.path("incident").path("customerImpact").asText())
                .as("the incident still records what the impact was").isEqualTo(IMPACT);
    }

    @Test
    void withoutAMonitoringUpdateMitigateTellsNobodyAndTheStatusPageIsUnchanged() {
        Api api = api();

        // given a triaged incident whose first notice is out
        String key = api.declare("commander", "Mailings stuck in the queue");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "mailings", "customerImpact", IMPACT));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusPage.updates(key), updates -> !updates.isEmpty());

        // when the commander mitigates and chooses no update
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Mitigate"),
                Map.of("mitigationSummary", "Restarted the scheduler", "mitigationNotice", "none"));
        api.awaitTask("commander", key, "Resolve");

        // then no notice is drafted and the page still tells the disruption
        assertThat(api.task("agent", key, "ReviewNotice")).isNull();
        assertThat(statusPage.incident(key).orElseThrow().phase()).isEqualTo("investigating");
        assertThat(statusPage.updates(key)).hasSize(1);

        // cleanup: resolve without a notice, so the shared page shows no open incident of this test
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Resolve"), Map.of("resolutionSummary", "done"));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusPage.incident(key).orElseThrow().resolvedAt() != null);
    }

    @Test
    void aMonitoringUpdateLandingAfterTheResolvedOneDoesNotReopenTheIncidentOnThePage() {
        // given an incident the page shows as resolved
        String key = "INC-2026-9301";
        Map<String, Object> incident = Map.of("title", "Webmail slow", "severity", "SEV2", "affectedServices", "mailings");
        publish(key, incident, "initial", "investigating", "We are looking into slow mailings.");
        publish(key, incident, "resolved", "resolved", "This incident is resolved.");
        StatusStore.Incident before = statusPage.incident(key).orElseThrow();

        // when the monitoring update, approved while the resolved one went out, reaches the page afterwards
        publish(key, incident, "monitoring", "monitoring", "A fix has been applied and we are monitoring the results.");

        // then it is among the updates, but the incident stays resolved and the mailings do not turn recovering
        StatusStore.Incident after = statusPage.incident(key).orElseThrow();
        assertThat(after.active()).isFalse();
        assertThat(after.phase()).isEqualTo(before.phase());
        assertThat(after.resolvedAt()).isEqualTo(before.resolvedAt());
        assertThat(statusPage.updates(key)).extracting(StatusStore.Update::step).contains("monitoring");
        Api api = api();
        assertThat(api.json(api.send(null, HttpMethod.GET, "/status/summary.json", null)).path("incidents")
                .findValuesAsText("key")).doesNotContain(key);
    }

    @Test
    void inTasklistTheCommanderChoosesTheMonitoringUpdateNothingChosenInAdvance() {
        // given a triaged incident whose first notice is out
        Api api = api();
        String key = api.declare("commander", "Generator switch-over");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "webmail", "customerImpact", "Webmail does not load."));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        JsonNode mitigate = api.awaitTask("commander", key, "Mitigate");
        // Tasklist lets only the assignee fill the form in
        api.send("commander", HttpMethod.POST, "/engine-rest/task/" + mitigate.path("id").asText() + "/claim",
                "{\"userId\":\"commander\"}");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // when the commander opens Mitigate in Tasklist
            browser.navigate(base() + "/camunda/app/tasklist/");
            browser.type("form[name=signinForm] input[ng-model=username]", "commander");
            browser.type("form[name=signinForm] input[ng-model=password]", "commander");
            browser.click("form[name=signinForm] button[type=submit]");
            browser.waitFor("!document.querySelector('form[name=signinForm]')", RENDERING);
            browser.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + mitigate.path("id").asText());
            browser.waitFor("document.querySelectorAll('.fjs-container input[type=radio]').length === 2", RENDERING);
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("mitigate-form.png"));

            // then the question is asked, with no answer chosen for them
            assertThat(browser.text()).contains("Tell customers the fix is being monitored?",
                    "Yes: send a monitoring update", "No: customers hear when it is resolved");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('.fjs-container input[type=radio]'))"
                    + ".some(e => e.checked)").asBoolean()).isFalse();
            Screenshots.assertShowsAWindow(screenshot);

            // when they answer yes and complete the task
            browser.type(".fjs-container textarea", "Moved the racks to the generator");
            browser.click(".fjs-container input[type=radio]");
            browser.click("button[ng-click='complete()']");
            browser.waitFor("!document.body.innerText.includes('What stopped the impact?')", RENDERING);
        }

        // then the agents get the monitoring update to review, and Resolve is open beside it
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        assertThat(review.path("name").asText()).startsWith("Review the monitoring notice");
        assertThat(api.task("commander", key, "Resolve")).isNotNull();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Posts one approved notice on the status page through its real task topic, as the customer-notice process does. */
    private void publish(String key, Map<String, Object> incident, String step, String phase, String words) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("truth-statuspage-it").count() == 0) {
            repository.createDeployment().addModelInstance("truth-statuspage-it.bpmn", Bpmn.createExecutableProcess(
                    "truth-statuspage-it").camundaHistoryTimeToLive(1).startEvent().serviceTask("Publish")
                    .camundaExternalTask("notice.statuspage").endEvent().done()).deploy();
        }
        Map<String, Object> variables = new java.util.HashMap<>(incident);
        variables.putAll(Map.of("noticeStep", step, "noticePhase", phase, "notice_statuspage", words));
        String id = runtime.startProcessInstanceByKey("truth-statuspage-it", key, variables).getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .finished().count() == 1);
    }

    private static JsonNode draft(Api api, JsonNode task) {
        return api.json(api.send("agent", HttpMethod.GET, "/engine-rest/task/" + task.path("id").asText() + "/form-variables", null));
    }

    /**
     * What this incident does to the mailings on the public summary ("operational" once it is no longer
     * active). Its own state, not the component's: other ITs of the shared context may keep theirs open.
     */
    private static String mailingsState(Api api, String key) {
        JsonNode summary = api.json(api.send(null, HttpMethod.GET, "/status/summary.json", null));
        for (JsonNode incident : summary.path("incidents")) {
            if (key.equals(incident.path("key").asText())) {
                return incident.path("componentStates").path("mailings").asText("operational");
            }
        }
        return "operational";
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    /** The call scripts of the resolved notice's key-account calls, as the agent reads them in Tasklist. */
    private static List<String> resolvedCallScripts(Api api, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> scripts = new ArrayList<>();
            for (JsonNode call : api.json(api.send("agent", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey="
                    + key + "&taskDefinitionKey=CallCustomer", null))) {
                JsonNode variables = api.json(api.send("agent", HttpMethod.GET, "/engine-rest/task/"
                        + call.path("id").asText() + "/variables", null));
                if ("resolved".equals(variables.path("noticeStep").path("value").asText())) {
                    scripts.add(variables.path("callScript").path("value").asText());
                }
            }
            return scripts;
        }, scripts -> scripts.size() >= 2);
    }

    private static List<String> demoSms(Api api, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> texts = new ArrayList<>();
            api.json(api.send("agent", HttpMethod.GET, "/api/demo/pages", null)).forEach(page -> {
                if ("notice-sms".equals(page.path("channel").asText()) && key.equals(page.path("incident").asText())) {
                    texts.add(page.path("text").asText());
                }
            });
            return texts;
        }, texts -> texts.size() >= 6);
    }

    private List<MimeMessage> mailOf(String key) throws Exception {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage message : mail.received()) {
            if (key.equals(message.getHeader("X-Blackstart-Incident", null))) {
                result.add(message);
            }
        }
        return result;
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
