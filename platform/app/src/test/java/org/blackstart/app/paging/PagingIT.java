package org.blackstart.app.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.blackstart.app.e2e.Api;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.oncall.OnCallDirectory;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.junit.jupiter.api.Test;
import org.blackstart.testkit.LocalServers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Paging as the platform runs it: declared with a policy, paged, timed out, acknowledged over the API. */
// Closed after the class: Camunda registers engines JVM-wide, and the shared context of the
// other ITs must find only its own engine when its REST API looks one up.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagingIT {

    @TestConfiguration
    static class Directory {
        @Bean
        @Primary
        OnCallDirectory testOnCallDirectory() {
            return new TestOnCallDirectory();
        }
    }

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        // This context has its own directory, so it must not share the other ITs' database and engine.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-paging-it;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.process-engine-name", () -> "pagingIt");
        // The test takes the page tasks itself, as a telephony plugin would.
        registry.add("blackstart.demo.pager.enabled", () -> "false");
        // Nor its mail ports: the shared context may still be running and holding those.
        registry.add("blackstart.demo.mail.smtp-port", () -> SMTP_PORT);
        registry.add("blackstart.demo.mail.imap-port", () -> IMAP_PORT);
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
    }

    @Autowired
    TestRestTemplate http;

    private Api api() {
        return new Api(http);
    }

    private static final int SMTP_PORT = LocalServers.freeLoopbackPort();
    private static final int IMAP_PORT = LocalServers.freeLoopbackPort();

    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IncidentRepository incidents;

    private String declare(Api api, String title, String policy) {
        ResponseEntity<String> response = api.send("commander", HttpMethod.POST, "/api/incidents",
                "{\"title\":\"" + title + "\",\"severity\":\"SEV1\",\"escalationPolicy\":\"" + policy + "\"}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return api.json(response).path("key").asText();
    }

    private List<LockedExternalTask> pages(String key) {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(100, "paging-it").topic("page.phone", 60_000)
                .businessKey(key).topic("page.sms", 60_000).businessKey(key).execute();
        return locked;
    }

    private List<String> pagingLines(Api api, String key) {
        List<String> lines = new ArrayList<>();
        api.incident("commander", key).path("timeline").forEach(e -> {
            if ("PAGING".equals(e.path("kind").asText())) {
                lines.add(e.path("detail").asText());
            }
        });
        return lines;
    }

    @Test
    void pagesAreSentTimedOutAndAcknowledgedOverTheApiAndEveryStepIsOnTheTimeline() {
        Api api = api();
        String key = declare(api, "Rack A3 lost power", "primary");

        // level 1 is phoned and texted with what the channel needs
        List<LockedExternalTask> level1 = await().atMost(Duration.ofSeconds(30)).until(() -> pages(key), p -> p.size() == 2);
        LockedExternalTask phone = level1.stream().filter(t -> t.getTopicName().equals("page.phone")).findFirst().orElseThrow();
        assertThat(phone.getVariables()).containsEntry("pageStep", "L1-R1-A1").containsEntry("pageRecipient", "oncall-1")
                .containsEntry("pageName", "Olivia Oncall").containsEntry("pagePhone", "+31205550101")
                .containsEntry("pagingLevel", 1).containsEntry("title", "Rack A3 lost power").containsEntry("severity", "SEV1");
        assertThat((String) phone.getVariables().get("ackCode")).matches("\\d{6}");
        level1.forEach(t -> externalTasks.complete(t.getId(), "paging-it"));

        // Olivia may acknowledge in Tasklist
        Task acknowledgeTask = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(key).taskDefinitionKey("AcknowledgeInTasklist").singleResult(), t -> t != null);
        assertThat(acknowledgeTask.getName()).isEqualTo("Acknowledge page " + key + ": Rack A3 lost power");
        assertThat(tasks.getIdentityLinksForTask(acknowledgeTask.getId())).extracting(IdentityLink::getUserId).contains("oncall-1");

        // nobody answers in time: level 2
        String paging = runtime.createProcessInstanceQuery().processDefinitionKey("paging").processInstanceBusinessKey(key)
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(paging).timers().singleResult().getId());
        assertThat(pages(key)).extracting(t -> t.getVariables().get("pageRecipient") + " " + t.getVariables().get("pageStep"))
                .containsExactlyInAnyOrder("oncall-2 L2-R1-A1", "oncall-2 L2-R1-A1", "oncall-3 L2-R1-A1", "oncall-3 L2-R1-A1");

        // an agent acknowledges over the API
        ResponseEntity<String> ack = api.send("agent", HttpMethod.POST, "/api/incidents/" + key + "/acknowledge",
                "{\"note\":\"on my way to the datacenter\"}");

        assertThat(ack.getStatusCode().value()).as(ack.getBody()).isEqualTo(200);
        assertThat(api.json(ack).path("acknowledgedBy").asText()).isEqualTo("agent");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(paging).count()).as("paging ended").isZero();
        String incident = incidents.find(key).orElseThrow().processInstanceId();
        assertThat(runtime.getVariable(incident, "acknowledgedBy")).isEqualTo("agent");
        assertThat(runtime.getVariable(incident, "acknowledgedVia")).isEqualTo("api");
        assertThat(pagingLines(api, key)).containsSubsequence(
                "Paging with escalation policy 'primary': 2 levels, repeated 1 time, 2 call attempts per level",
                "Paging level 1 for PT5M: Olivia Oncall",
                "Phoned Olivia Oncall (+31205550101), level 1",
                "Level 1 not acknowledged within PT5M",
                "Paging level 2 for PT10M: Piet Pager, Quinn Quick",
                "Acknowledged by agent via api: on my way to the datacenter");
        assertThat(pagingLines(api, key)).contains("Texted Olivia Oncall (+31205550101), level 1");

        // and a second acknowledgement finds nothing to stop
        ResponseEntity<String> again = api.send("agent", HttpMethod.POST, "/api/incidents/" + key + "/acknowledge", null);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(api.json(again).path("detail").asText()).contains(key).contains("not paging anyone");
    }

    @Test
    void anIncidentWithoutPolicyHasNothingToAcknowledge() {
        Api api = api();
        String key = api.declare("commander", "Webmail slow");

        ResponseEntity<String> response = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/acknowledge", "{}");

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(pagingLines(api, key)).isEmpty();
    }

    @Test
    void acknowledgingAnUnknownIncidentIsNotFound() {
        ResponseEntity<String> response = api().send("agent", HttpMethod.POST, "/api/incidents/INC-1999-0001/acknowledge", null);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void acknowledgingNeedsALogin() {
        assertThat(api().send(null, HttpMethod.POST, "/api/incidents/INC-1999-0001/acknowledge", null)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anUnknownEscalationPolicyIsRefusedNamingTheField() {
        long before = incidents.count();

        ResponseEntity<String> response = api().send("commander", HttpMethod.POST, "/api/incidents",
                "{\"title\":\"Disk full\",\"escalationPolicy\":\"nobody-knows-this\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(api().json(response).path("detail").asText()).isEqualTo("escalationPolicy is not a known escalation policy");
        assertThat(incidents.count()).as("nothing stored").isEqualTo(before);
    }
}
