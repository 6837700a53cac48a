package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.blackstart.app.incident.IncidentRetriaged;
import org.blackstart.app.tasks.TaskPriorities;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The commander changes course after triage through {@code /api}: severity, services and impact, and
 * how badly each affected component is hit on the status page. Everything that follows the triage
 * follows the re-triage; every refusal leaves everything as it was.
 */
class RetriageIT extends PlatformIT {

    private static final String IMPACT = "Incoming mail arrives up to an hour late.";

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;

    /** A SEV2 incident affecting mail, triaged, whose initial notice is on the status page. */
    private String triagedOnTheStatusPage(String title) {
        Api api = api();
        String key = api.declare("commander", title);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV2", "affectedServices", "mail", "customerImpact", IMPACT));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusIncident(key) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> nextUpdateTimer(key) != null);
        return key;
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
        return api().send(user, method, path, body);
    }

    private ResponseEntity<String> retriage(String user, String key, String body) {
        return call(user, HttpMethod.POST, "/api/incidents/" + key + "/triage", body);
    }

    private ResponseEntity<String> setComponent(String user, String key, String component, String state) {
        return call(user, HttpMethod.PUT, "/api/incidents/" + key + "/components/" + component,
                "{\"state\":\"" + state + "\"}");
    }

    private JsonNode summary() {
        return api().json(http.getForEntity("/status/summary.json", String.class));
    }

    private JsonNode statusIncident(String key) {
        for (JsonNode incident : summary().path("incidents")) {
            if (incident.path("key").asText().equals(key)) {
                return incident;
            }
        }
        return null;
    }

    /**
     * The state the incident gives a component on the public page, as its JSON summary says (the
     * component's own row shows the worst of every incident in this shared context).
     */
    private String componentState(String key, String component) {
        return statusIncident(key).path("componentStates").path(component).asText("not affected");
    }

    /** A later notice posted to the status page, through the status page plugin's own task. */
    private void postToStatusPage(String key, Map<String, Object> variables) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("retriage-statuspage-it").count() == 0) {
            repository.createDeployment().addModelInstance("retriage-statuspage-it.bpmn",
                    Bpmn.createExecutableProcess("retriage-statuspage-it").camundaHistoryTimeToLive(1).startEvent()
                            .serviceTask("Publish").camundaExternalTask("notice.statuspage").endEvent().done()).deploy();
        }
        String id = runtime.startProcessInstanceByKey("retriage-statuspage-it", key, variables).getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .finished().count() == 1);
    }

    private Job nextUpdateTimer(String key) {
        String instance = processInstance(key);
        return instance == null ? null : management.createJobQuery().processInstanceId(instance)
                .activityId("NextUpdateDue").timers().singleResult();
    }

    private String processInstance(String key) {
        return jdbc.queryForList("SELECT process_instance_id FROM bs_incident WHERE incident_key = ?", String.class, key)
                .stream().findFirst().orElse(null);
    }

    /**
     * All a refused call could have changed: the record, the timeline's commander lines, the process's
     * variables, the status page, the timer. (Notices still going out add other lines meanwhile.)
     */
    private String everything(String key) {
        String instance = processInstance(key);
        Job timer = nextUpdateTimer(key);
        JsonNode incident = api().incident("commander", key);
        return incident.path("incident").toString() + " triage=" + lines(incident, "TRIAGE") + " notes=" + lines(incident, "NOTE")
                + " variables=" + (runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0 ? "ended"
                : runtime.getVariables(instance, List.of("severity", "affectedServices", "customerImpact")))
                + " statuspage=" + statusIncident(key)
                + " chosen=" + jdbc.queryForList("SELECT component || '=' || state FROM bs_status_component_state "
                        + "WHERE incident_key = ? ORDER BY component", String.class, key)
                + " timer=" + (timer == null ? null : timer.getDuedate().getTime());
    }

    private static List<String> lines(JsonNode incident, String kind) {
        List<String> lines = new ArrayList<>();
        incident.path("timeline").forEach(e -> {
            if (e.path("kind").asText().equals(kind)) {
                lines.add(e.path("actor").asText() + ": " + e.path("detail").asText());
            }
        });
        return lines;
    }

    @Test
    void aReTriageChangesSeverityServicesAndImpactAndTheRecordStatusPageCadenceAndTimelineFollow() {
        // given a SEV2 incident on mail, on the status page, its next update due an hour after the first notice
        String key = triagedOnTheStatusPage("Mail queue stuck " + System.nanoTime());
        Job timer = nextUpdateTimer(key);
        Instant started = timer.getCreateTime().toInstant();
        assertThat(timer.getDuedate().toInstant()).isCloseTo(started.plus(Duration.ofHours(1)), within());
        assertThat(componentState(key, "webmail")).isEqualTo("not affected");
        List<IncidentRetriaged> published = new CopyOnWriteArrayList<>();
        List<Boolean> inTransaction = new CopyOnWriteArrayList<>();
        context.addApplicationListener(ApplicationListener.forPayload((IncidentRetriaged event) -> {
            if (event.incidentKey().equals(key)) {
                published.add(event);
                inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            }
        }));

        // when the commander finds webmail down too and raises it to SEV1
        ResponseEntity<String> response = retriage("commander", key, """
                {"severity": "SEV1", "affectedServices": "mail, Webmail", "customerImpact": "Mail and webmail are down."}""");

        // then the record says so
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode record = api().json(response);
        assertThat(record.path("severity").asText()).isEqualTo("SEV1");
        assertThat(record.path("affectedServices").asText()).isEqualTo("mail, webmail");
        assertThat(record.path("customerImpact").asText()).isEqualTo("Mail and webmail are down.");
        // and the process, so the next notice is drafted for the customers of both services
        assertThat(runtime.getVariables(processInstance(key), List.of("severity", "affectedServices", "customerImpact")))
                .containsEntry("severity", "SEV1").containsEntry("affectedServices", "mail, webmail")
                .containsEntry("customerImpact", "Mail and webmail are down.");
        // and the status page shows webmail, in the state of a SEV1, at once
        assertThat(componentState(key, "webmail")).isEqualTo("major-outage");
        assertThat(componentState(key, "mail")).isEqualTo("major-outage");
        assertThat(summary().path("components").toString()).contains("{\"id\":\"webmail\",\"name\":\"Webmail\","
                + "\"group\":\"Mail\",\"state\":\"major-outage\"}");
        // and the next update is due 30 minutes (SEV1) after the last one, no longer an hour
        assertThat(nextUpdateTimer(key).getDuedate().toInstant()).isCloseTo(started.plus(Duration.ofMinutes(30)), within());
        // and the timeline says who changed what
        assertThat(lines(api().incident("agent", key), "TRIAGE")).singleElement().asString()
                .startsWith("commander: severity SEV2 → SEV1; services + webmail; impact changed; status page follows; "
                        + "next customer update due ");
        // and whoever follows the severity hears of it once, after the commit
        await().atMost(Duration.ofSeconds(5)).until(() -> !published.isEmpty());
        assertThat(published).containsExactly(new IncidentRetriaged(key, "SEV1"));
        assertThat(inTransaction).containsExactly(false);
        // and the incident's open tasks move up with it: Mitigate, still the commander's, has a SEV1's priority
        assertThat(api().awaitTask("commander", key, "Mitigate").path("priority").asInt()).isEqualTo(TaskPriorities.SEV1);

        // when the commander takes mail off again
        assertThat(retriage("commander", key, "{\"affectedServices\": \"webmail\"}").getStatusCode().value()).isEqualTo(200);

        // then mail no longer shows the incident; the cadence stays
        assertThat(componentState(key, "mail")).isEqualTo("not affected");
        assertThat(componentState(key, "webmail")).isEqualTo("major-outage");
        assertThat(lines(api().incident("commander", key), "TRIAGE")).last().asString()
                .isEqualTo("commander: services − mail; status page follows");
        assertThat(nextUpdateTimer(key).getDuedate().toInstant()).isCloseTo(started.plus(Duration.ofMinutes(30)), within());
    }

    @Test
    void refusedReTriagesChangeNothing() throws Exception {
        // given an incident on the status page, one still waiting for triage and one cancelled
        String key = triagedOnTheStatusPage("Spam filter rejects everything " + System.nanoTime());
        String untriaged = api().declare("commander", "Not triaged yet " + System.nanoTime());
        String cancelled = api().declare("commander", "Cancelled " + System.nanoTime());
        api().awaitTask("commander", cancelled, "Triage");
        runtime.deleteProcessInstance(processInstance(cancelled), "declared by mistake");
        String before = everything(key);
        String untriagedBefore = everything(untriaged);
        String cancelledBefore = everything(cancelled);

        // when / then: an agent, a forged cross-site request, bad values, nothing to change
        assertThat(retriage("agent", key, "{\"severity\": \"SEV1\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(retriage("oncall-1", key, "{\"severity\": \"SEV1\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(crossSite(HttpMethod.POST, "/api/incidents/" + key + "/triage", "{\"severity\": \"SEV1\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertProblem(retriage("commander", key, "{\"severity\": \"SEV0\"}"), 400, "severity must be one of SEV1, SEV2, SEV3, SEV4");
        assertProblem(retriage("commander", key, "{\"affectedServices\": \"mail, wbmail\"}"), 400,
                "unknown service 'wbmail'; known services are ");
        assertProblem(retriage("commander", key, "{\"affectedServices\": \" , \"}"), 400, "at least one service");
        assertProblem(retriage("commander", key, "{\"customerImpact\": \"  \"}"), 400, "customerImpact must not be blank");
        assertProblem(retriage("commander", key, "{}"), 400, "nothing to change");
        assertProblem(retriage("commander", key, "{\"severity\": \"SEV2\", \"affectedServices\": \"MAIL\"}"), 400,
                "already has these values");
        assertProblem(retriage("commander", key, "{\"severity\": \"SEV1\", \"priority\": 1}"), 400, "unknown field 'priority'");
        assertProblem(retriage("commander", key, "{\"customerImpact\": \"" + "x".repeat(4001) + "\"}"), 400,
                "customerImpact must be at most 4000 characters");
        assertProblem(retriage("commander", "INC-1999-0001", "{\"severity\": \"SEV1\"}"), 404, "INC-1999-0001");
        assertProblem(retriage("commander", untriaged, "{\"severity\": \"SEV1\"}"), 409, "complete its Triage task first");
        assertProblem(retriage("commander", cancelled, "{\"severity\": \"SEV1\"}"), 409, "is cancelled");

        // and nothing changed
        assertThat(everything(key)).isEqualTo(before);
        assertThat(everything(untriaged)).isEqualTo(untriagedBefore);
        assertThat(everything(cancelled)).isEqualTo(cancelledBefore);
    }

    @Test
    void theCommandersComponentStateShowsOnTheStatusPageAndOutlastsLaterNotices() {
        // given a SEV2 incident on mail, which the page shows as a partial outage by its severity
        String key = triagedOnTheStatusPage("Mail slow for some " + System.nanoTime());
        assertThat(componentState(key, "mail")).isEqualTo("partial-outage");

        // when the commander says it is only degraded performance
        ResponseEntity<String> response = setComponent("commander", key, "mail", "degraded-performance");

        // then the page shows that, on the component and on the incident, and the timeline says who
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(api().json(response).path("label").asText()).isEqualTo("Degraded performance");
        assertThat(componentState(key, "mail")).isEqualTo("degraded-performance");
        assertThat(statusIncident(key).path("impact").asText()).isEqualTo("degraded-performance");
        assertThat(http.getForEntity("/status/incidents/" + key, String.class).getBody())
                .contains("Mail delivery (Degraded performance)");
        assertThat(lines(api().incident("commander", key), "TRIAGE"))
                .containsExactly("commander: status page: Mail delivery partial outage → degraded performance");

        // when the commander re-triages, and then an update drafted before that (its copy still says SEV2, mail) is posted
        assertThat(retriage("commander", key, "{\"severity\": \"SEV1\", \"affectedServices\": \"mail, webmail\"}")
                .getStatusCode().value()).isEqualTo(200);
        postToStatusPage(key, Map.of("title", "Mail slow for some", "severity", "SEV2", "affectedServices", "mail",
                "noticeStep", "update-1", "noticePhase", "identified", "notice_statuspage", "We found the cause."));

        // then the commander's choice stands, and the service added shows the state of the severity now
        assertThat(statusIncident(key).path("phase").asText()).isEqualTo("identified");
        assertThat(componentState(key, "mail")).isEqualTo("degraded-performance");
        assertThat(componentState(key, "webmail")).isEqualTo("major-outage");

        // when the commander sets the new component too
        assertThat(setComponent("commander", key, "webmail", "partial-outage").getStatusCode().value()).isEqualTo(200);

        // then
        assertThat(componentState(key, "webmail")).isEqualTo("partial-outage");
        assertThat(statusIncident(key).path("impact").asText()).as("the worst of its components").isEqualTo("partial-outage");
    }

    @Test
    void theNextNoticeIsDraftedForTheCustomersOfTheServicesAfterTheReTriage() {
        // given a SEV3 on the API, whose initial notice went to its one demo customer, in English
        Api api = api();
        String key = api.declare("commander", "API errors " + System.nanoTime());
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV3", "affectedServices", "api", "customerImpact", "Some API calls fail."));
        JsonNode initial = api.awaitTask("agent", key, "ReviewNotice");
        assertThat(formVariable(initial, "noticeHas_de").asBoolean()).isFalse();
        api.claimAndComplete("agent", initial, Map.of("noticeDecision", "send"));
        Job timer = await().atMost(Duration.ofSeconds(30)).until(() -> nextUpdateTimer(key), t -> t != null);
        assertThat(timer.getDuedate().toInstant()).isCloseTo(timer.getCreateTime().toInstant().plus(Duration.ofHours(4)), within());

        // when the commander adds mailings (Dutch and German customers) and the next update is due
        assertThat(retriage("commander", key, "{\"severity\": \"SEV1\", \"affectedServices\": \"api, mailings\"}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(nextUpdateTimer(key).getDuedate().toInstant())
                .isCloseTo(timer.getCreateTime().toInstant().plus(Duration.ofMinutes(30)), within());
        management.executeJob(nextUpdateTimer(key).getId());
        api.claimAndComplete("agent", api.awaitTask("agent", key, "PostUpdate"), Map.of("updateDecision", "update",
                "updatePhase", "identified", "customerImpact", "Some API calls and mailings fail."));

        // then the update is drafted for the customers of both services, in their languages
        JsonNode update = api.awaitTask("agent", key, "ReviewNotice");
        assertThat(formVariable(update, "noticeHas_de").asBoolean()).isTrue();
        assertThat(formVariable(update, "noticeHas_nl").asBoolean()).isTrue();
        assertThat(formVariable(update, "noticeAudienceSummary").asText()).contains("customers of api, mailings");
    }

    private JsonNode formVariable(JsonNode task, String name) {
        return api().json(api().send("agent", HttpMethod.GET, "/engine-rest/task/" + task.path("id").asText()
                + "/form-variables", null)).path(name).path("value");
    }

    @Test
    void refusedComponentStatesChangeNothing() {
        // given
        String key = triagedOnTheStatusPage("Webmail login slow " + System.nanoTime());
        String cancelled = api().declare("commander", "Cancelled " + System.nanoTime());
        api().awaitTask("commander", cancelled, "Triage");
        runtime.deleteProcessInstance(processInstance(cancelled), "declared by mistake");
        String before = everything(key);
        String pageBefore = summary().path("components").toString();

        // when / then
        assertThat(setComponent("agent", key, "mail", "major-outage").getStatusCode().value()).isEqualTo(403);
        assertThat(crossSite(HttpMethod.PUT, "/api/incidents/" + key + "/components/mail", "{\"state\": \"major-outage\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertProblem(setComponent("commander", key, "mail", "operational"), 400,
                "state must be one of degraded-performance, partial-outage, major-outage");
        assertProblem(setComponent("commander", key, "mail", "under-maintenance"), 400, "state must be one of");
        assertProblem(call("commander", HttpMethod.PUT, "/api/incidents/" + key + "/components/mail", "{}"), 400,
                "was missing");
        assertProblem(setComponent("commander", key, "api", "major-outage"), 400, "does not affect 'api'; it affects mail");
        assertProblem(setComponent("commander", "INC-1999-0001", "mail", "major-outage"), 404, "INC-1999-0001");
        assertProblem(setComponent("commander", cancelled, "mail", "major-outage"), 409, "is cancelled");

        // and nothing changed
        assertThat(everything(key)).isEqualTo(before);
        assertThat(summary().path("components").toString()).isEqualTo(pageBefore);
    }

    @Test
    void agentsAndCommandersAddNotesToTheTimelineClosedIncidentsIncluded() {
        // given
        String key = api().declare("commander", "Notes " + System.nanoTime());
        String cancelled = api().declare("commander", "Cancelled with notes " + System.nanoTime());
        api().awaitTask("commander", cancelled, "Triage");
        runtime.deleteProcessInstance(processInstance(cancelled), "declared by mistake");

        // when
        ResponseEntity<String> note = call("agent", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"  Customer X reports bounces since 02:10.  \"}");
        ResponseEntity<String> afterwards = call("commander", HttpMethod.POST, "/api/incidents/" + cancelled + "/notes",
                "{\"text\": \"It was a test alert; see the postmortem.\"}");

        // then
        assertThat(note.getStatusCode().value()).as(note.getBody()).isEqualTo(201);
        JsonNode entry = api().json(note);
        assertThat(entry.path("kind").asText()).isEqualTo("NOTE");
        assertThat(entry.path("actor").asText()).isEqualTo("agent");
        assertThat(entry.path("detail").asText()).isEqualTo("Customer X reports bounces since 02:10.");
        assertThat(lines(api().incident("commander", key), "NOTE")).containsExactly("agent: Customer X reports bounces since 02:10.");
        JsonNode stored = api().incident("commander", key).path("timeline").findParents("id").stream()
                .filter(e -> e.path("id").asLong() == entry.path("id").asLong()).findFirst().orElseThrow();
        assertThat(stored).as("the answer is the entry as the timeline keeps it").isEqualTo(entry);
        assertThat(afterwards.getStatusCode().value()).isEqualTo(201);
        assertThat(lines(api().incident("commander", cancelled), "NOTE")).containsExactly(
                "commander: It was a test alert; see the postmortem.");

        // and refused notes leave the timeline as it was
        String before = api().incident("commander", key).path("timeline").toString();
        assertThat(call("oncall-1", HttpMethod.POST, "/api/incidents/" + key + "/notes", "{\"text\": \"hi\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(crossSite(HttpMethod.POST, "/api/incidents/" + key + "/notes", "{\"text\": \"hi\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertProblem(call("agent", HttpMethod.POST, "/api/incidents/" + key + "/notes", "{\"text\": \" \"}"), 400,
                "text is required");
        assertProblem(call("agent", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"" + "x".repeat(2001) + "\"}"), 400, "text must be at most 2000 characters");
        assertProblem(call("agent", HttpMethod.POST, "/api/incidents/INC-1999-0001/notes", "{\"text\": \"hi\"}"), 404,
                "INC-1999-0001");
        assertThat(api().incident("commander", key).path("timeline").toString()).isEqualTo(before);
    }

    /** The commander's browser, made to send the request by another site. */
    private ResponseEntity<String> crossSite(HttpMethod method, String path, String body) {
        HttpHeaders forged = new HttpHeaders();
        forged.setBasicAuth("commander", "commander");
        forged.setContentType(MediaType.APPLICATION_JSON);
        forged.set("Origin", "https://evil.example");
        forged.set("Sec-Fetch-Site", "cross-site");
        return http.exchange(path, method, new HttpEntity<>(body, forged), String.class);
    }

    private void assertProblem(ResponseEntity<String> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(api().json(response).path("detail").asText()).contains(detail);
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(2, ChronoUnit.SECONDS);
    }
}
