package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.blackstart.testkit.LocalServers;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.blackstart.testkit.servicenow.ServiceNowSimulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A storage vendor that runs ServiceNow (simulated from the Table and Attachment API reference; the
 * plugin is the real client): the case is opened with evidence and the commander's log, the vendor's
 * answers come back by webhook onto the timeline and into Tasklist, the commander's answer becomes a
 * comment on the case, and the case is resolved when the incident closes. A forged webhook, a reply
 * for a case nobody opened and a malformed answer from ServiceNow each end where a person sees them.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceNowVendorIT {

    private static final ServiceNowSimulation SERVICENOW = ServiceNowSimulation.start();
    private static final String ENGINE = "serviceNowIt";
    private static final String WEBHOOK = "/api/vendor-webhooks/servicenow/arrayworks";

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-servicenow-it;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
        registry.add("blackstart.demo.mail.smtp-port", LocalServers::freeLoopbackPort);
        registry.add("blackstart.demo.mail.imap-port", LocalServers::freeLoopbackPort);
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
        registry.add("blackstart.bridge.retries", () -> "2");
        registry.add("blackstart.bridge.retry-backoff", () -> "300ms");
        String vendor = "blackstart.vendors.registry.arrayworks.";
        registry.add(vendor + "name", () -> "ArrayWorks");
        registry.add(vendor + "kind", () -> "storage");
        registry.add(vendor + "contract", () -> "Platinum 24x7, contract AW-77");
        registry.add(vendor + "ack-sla.SEV1", () -> "PT15M");
        registry.add(vendor + "ack-sla.SEV2", () -> "PT1H");
        registry.add(vendor + "ack-sla.SEV3", () -> "PT4H");
        registry.add(vendor + "ack-sla.SEV4", () -> "P1D");
        registry.add(vendor + "contacts[0].name", () -> "Avery Array");
        registry.add(vendor + "contacts[0].role", () -> "duty-manager");
        registry.add(vendor + "contacts[0].phone", () -> "+31201110009");
        registry.add(vendor + "ticketing.system", () -> "servicenow");
        String account = "blackstart.plugins.servicenow.accounts.arrayworks.";
        registry.add(account + "base-url", () -> SERVICENOW.baseUrl().toString());
        registry.add(account + "auth", () -> "basic");
        registry.add(account + "username", () -> ServiceNowSimulation.USERNAME);
        registry.add(account + "password", () -> ServiceNowSimulation.PASSWORD);
        registry.add(account + "webhook-secret", () -> ServiceNowSimulation.WEBHOOK_SECRET);
        registry.add(account + "poll-interval", () -> "0s");
    }

    @AfterAll
    static void stopServiceNow() {
        SERVICENOW.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ExternalTaskService externalTasks;

    private Api api() {
        return new Api(http, ENGINE);
    }

    @Test
    void aCaseIsOpenedWithEvidenceAnsweredThroughItsWebhookAndResolvedWithTheIncident() {
        Api api = api();
        VendorSteps steps = new VendorSteps(http, api);
        String key = steps.triagedIncident("Array A1 offline after firmware patch", "SEV2");
        assertThat(steps.attach(key, "arrayworks", "array-a1.log", "ERR rebuild stalled at 42%".getBytes(StandardCharsets.UTF_8))
                .getStatusCode().value()).isEqualTo(201);

        // when the commander escalates to ArrayWorks
        assertThat(steps.escalate(key, "arrayworks", "A1 dropped all LUNs after 7.2.1.").getStatusCode().value()).isEqualTo(201);

        // then one ServiceNow incident holds the evidence and the log
        Map<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> SERVICENOW.records().stream().filter(r -> r.getOrDefault("short_description", "").contains(key))
                        .findFirst().orElse(null), r -> r != null);
        String number = record.get("number");
        assertThat(record.get("description")).contains("A1 dropped all LUNs after 7.2.1.", "Incident summary",
                "Array A1 offline after firmware patch");
        await().atMost(Duration.ofSeconds(30)).until(() -> SERVICENOW.attachments(number).size() == 1);
        assertThat(SERVICENOW.attachments(number).get(0).fileName()).isEqualTo("array-a1.log");
        steps.awaitVendorLine(key, number);

        // when someone posts a webhook with a wrong secret, it is refused and nothing is stored
        SERVICENOW.vendorUpdates(number, "3", "1", null);
        String forgedComment = SERVICENOW.vendorComments(number, "Forged: please wire money");
        ResponseEntity<String> forged = webhook(SERVICENOW.webhookBody(number, forgedComment), "not-the-secret");
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(forged.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(forged.getBody()).doesNotContain(ServiceNowSimulation.WEBHOOK_SECRET);
        assertThat(steps.timeline(key)).noneMatch(line -> line.contains("wire money"));

        // when the vendor puts the case on hold and asks for logs, through the real webhook
        String request = SERVICENOW.vendorComments(number, "Please send the controller logs of A1 since the upgrade.");
        ResponseEntity<String> delivered = webhook(SERVICENOW.webhookBody(number, request), ServiceNowSimulation.WEBHOOK_SECRET);
        assertThat(delivered.getStatusCode().value()).as(delivered.getBody()).isEqualTo(202);
        assertThat(webhook(SERVICENOW.webhookBody(number, request), ServiceNowSimulation.WEBHOOK_SECRET)
                .getStatusCode().value()).as("a repeated webhook is accepted and ignored").isEqualTo(202);

        // then it is on the timeline and a commander has a task to answer it
        steps.awaitVendorLine(key, "controller logs of A1");
        JsonNode task = api.awaitTask("commander", key, "AnswerVendorRequest");
        api.claimAndComplete("commander", task, Map.of("vendorAnswer", "Logs attached to the case: controller 0 panicked at 03:12."));

        // and the answer is a comment on the case, once
        await().atMost(Duration.ofSeconds(30)).until(() -> SERVICENOW.comments(number).stream()
                .anyMatch(c -> c.getOrDefault("value", "").contains("controller 0 panicked")));
        assertThat(SERVICENOW.comments(number)).filteredOn(c -> c.getOrDefault("value", "").contains("controller 0 panicked"))
                .hasSize(1);
        assertThat(api.task("commander", key, "AnswerVendorRequest")).as("one request, one task").isNull();

        // when a webhook names a case Blackstart never opened, it is parked for a person
        String stray = """
                {"number":"INC0099999","sys_id":"0123456789abcdef0123456789abcdef","state":"2",
                 "sys_updated_on":"2026-12-07 03:00:00","sys_updated_by":"beth.anglin",
                 "comment":{"sys_id":"fedcba9876543210fedcba9876543210","value":"Is this about your other array?",
                            "sys_created_by":"beth.anglin","sys_created_on":"2026-12-07 03:00:00"}}""";
        assertThat(webhook(stray, ServiceNowSimulation.WEBHOOK_SECRET).getStatusCode().value()).isEqualTo(202);
        assertThat(steps.parked().toString()).contains("INC0099999");
        assertThat(steps.timeline(key)).noneMatch(line -> line.contains("other array"));

        // when the incident is closed, the case is resolved with a close code
        steps.close(key);
        await().atMost(Duration.ofSeconds(30)).until(() -> "6".equals(SERVICENOW.record(number).get("state")));
        assertThat(SERVICENOW.record(number).get("close_code")).isNotBlank();
        assertThat(SERVICENOW.records()).filteredOn(r -> r.getOrDefault("short_description", "").contains(key)).hasSize(1);

        JsonNode stats = api.json(api.send("commander", HttpMethod.GET, "/api/vendors/arrayworks/stats", null));
        assertThat(stats.toString()).contains("arrayworks");
    }

    @Test
    void aMalformedAnswerFromServiceNowBecomesAnIncidentAPersonSeesAndNoCaseIsLost() {
        Api api = api();
        VendorSteps steps = new VendorSteps(http, api);
        String key = steps.triagedIncident("Array A2 degraded", "SEV3");
        SERVICENOW.answerNextCreateWith("{\"result\": {\"sys_id\": \"not-what-we-asked\"");
        SERVICENOW.answerNextCreateWith("<html>Instance hibernating</html>");
        SERVICENOW.answerNextCreateWith("{\"result\": {}}");

        assertThat(steps.escalate(key, "arrayworks", "A2 lost a path.").getStatusCode().value()).isEqualTo(201);

        // the bridge gives up after its retries: Cockpit shows an incident on OpenCase with a clear message
        Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createIncidentQuery()
                .activityId("OpenCase").list().stream()
                .filter(i -> i.getIncidentMessage() != null && i.getIncidentMessage().contains("arrayworks"))
                .findFirst().orElse(null), i -> i != null);
        assertThat(incident.getIncidentMessage()).containsIgnoringCase("case number")
                .doesNotContain(ServiceNowSimulation.PASSWORD);
        assertThat(SERVICENOW.records()).noneMatch(r -> r.getOrDefault("short_description", "").contains(key));

        // when an operator retries it in Cockpit once ServiceNow answers properly, exactly one case is opened
        externalTasks.setRetries(incident.getConfiguration(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> SERVICENOW.records().stream()
                .filter(r -> r.getOrDefault("short_description", "").contains(key)).count() == 1);
        steps.awaitVendorLine(key, "opened");
    }

    private ResponseEntity<String> webhook(String body, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Blackstart-Secret", secret);
        return http.exchange(WEBHOOK, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
