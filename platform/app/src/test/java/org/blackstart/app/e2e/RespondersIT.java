package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * More people after the first answer: the commander pages someone else by schedule, person or policy, and sends
 * someone on site with a checklist; they are paged like everyone else, check in, and the timeline says so.
 * Only commanders and admins may do either, and a bad request changes nothing.
 */
class RespondersIT extends PlatformIT {

    private static final String CHECKLIST = "[\"Check PDU B of rack A3\", \"Photograph the rack's status lights\"]";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<String> pages(String user, String key, String body) {
        return api().send(user, HttpMethod.POST, "/api/incidents/" + key + "/pages", body);
    }

    private ResponseEntity<String> onSite(String user, String key, String body) {
        return api().send(user, HttpMethod.POST, "/api/incidents/" + key + "/on-site", body);
    }

    private List<String> lines(String key, String kind) {
        List<String> lines = new ArrayList<>();
        api().incident("commander", key).path("timeline").forEach(e -> {
            if (e.path("kind").asText().equals(kind)) {
                lines.add(e.path("actor").asText() + ": " + e.path("detail").asText());
            }
        });
        return lines;
    }

    /** The demo pager's pages for the incident: "channel recipient step". */
    private List<String> demoPages(String key) {
        List<String> pages = new ArrayList<>();
        api().json(api().send("agent", HttpMethod.GET, "/api/demo/pages", null)).forEach(page -> {
            if (page.path("incident").asText().equals(key)) {
                pages.add(page.path("channel").asText() + " " + page.path("recipient").asText() + " " + page.path("step").asText());
            }
        });
        return pages;
    }

    /** Everything a refused request could have changed for the incident. */
    private String everything(String key) {
        return "timeline=" + api().incident("commander", key).path("timeline").size()
                + " processes=" + runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()
                + " tasks=" + tasks.createTaskQuery().processInstanceBusinessKey(key).count()
                + " pages=" + demoPages(key).size()
                + " deliveries=" + jdbc.queryForObject("SELECT COUNT(*) FROM bs_delivery WHERE incident_key = ?", Integer.class, key);
    }

    @Test
    void pagingMoreBySchedulePhonesWhoIsOnCallAndTheirAcknowledgementIsOnTheTimeline() {
        // given an incident nobody was paged for
        Api api = api();
        String key = api.declare("commander", "Database replication stopped");

        // when the commander pages the primary schedule
        ResponseEntity<String> paged = pages("commander", key, "{\"schedule\": \"ops-primary\", \"reason\": \"need a database expert\"}");

        // then whoever is on call is phoned and texted by the same paging as the first page
        assertThat(paged.getStatusCode().value()).as(paged.getBody()).isEqualTo(202);
        JsonNode body = api.json(paged);
        String person = body.path("responders").get(0).path("id").asText();
        assertThat(person).isIn("oncall-1", "oncall-2");
        assertThat(body.path("target").asText()).isEqualTo("schedule:ops-primary");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(demoPages(key))
                .anySatisfy(page -> assertThat(page).startsWith("phone " + person + " more-"))
                .anySatisfy(page -> assertThat(page).startsWith("sms " + person + " more-")));
        assertThat(api.incident("commander", key).path("pages")).as("the console lists them with the pages")
                .anySatisfy(page -> assertThat(page.path("step").asText()).startsWith("more-"));
        assertThat(api.incident("commander", key).path("notices")).as("not with the notices")
                .noneSatisfy(notice -> assertThat(notice.path("step").asText()).startsWith("more-"));
        assertThat(lines(key, "RESPONDERS")).singleElement().asString()
                .startsWith("commander: Paging schedule ops-primary: ").endsWith(" on call now; reason: need a database expert");
        assertThat(lines(key, "PAGING")).anySatisfy(line -> assertThat(line).contains("Paging schedule ops-primary for PT5M"));

        // when the paged person acknowledges in Tasklist
        JsonNode acknowledge = api.awaitTask(person, key, "AcknowledgeInTasklist");
        assertThat(api.complete(person, acknowledge.path("id").asText(), Map.of("acknowledgedNote", "on it"))
                .getStatusCode().value()).isEqualTo(204);

        // then the acknowledgement is on the timeline like the first page's
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lines(key, "PAGING"))
                .anySatisfy(line -> assertThat(line).contains("Acknowledged by " + person + " via tasklist: on it")));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).processDefinitionKey("paging").count())
                .as("paging ended").isZero();
    }

    @Test
    void someoneSentOnSiteChecksInAndGetsTheirChecklistAndNobodyElseMayCheckInForThem() {
        // given
        Api api = api();
        String key = api.declare("commander", "Rack A3 lost power");

        // when the commander sends Olivia on site
        ResponseEntity<String> sent = onSite("commander", key,
                "{\"person\": \"oncall-1\", \"site\": \"DC Amsterdam, hall 2\", \"checklist\": " + CHECKLIST + "}");

        // then she has the check-in task, is paged that she is asked on site, and the timeline says who went where
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(201);
        JsonNode checkIn = api.awaitTask("oncall-1", key, "CheckIn");
        assertThat(checkIn.path("name").asText()).isEqualTo("Go on site: DC Amsterdam, hall 2 for " + key);
        assertThat(checkIn.path("assignee").asText()).isEqualTo("oncall-1");
        assertThat(tasks.getVariable(checkIn.path("id").asText(), "onSiteChecklistText"))
                .isEqualTo("- Check PDU B of rack A3\n- Photograph the rack's status lights");
        assertThat(lines(key, "RESPONDERS")).contains(
                "commander: Sent Olivia On-call on site: DC Amsterdam, hall 2 (2 items on the checklist)");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(demoPages(key))
                .anySatisfy(page -> assertThat(page).startsWith("phone oncall-1 more-")));

        // when an agent checks in for her through the engine's REST API, or she sends a variable her form does not have
        String before = everything(key);
        ResponseEntity<String> byAgent = api.complete("agent", checkIn.path("id").asText(), Map.of("onSiteArrived", true));
        ResponseEntity<String> smuggled = api.complete("oncall-1", checkIn.path("id").asText(),
                Map.of("onSiteArrived", true, "onSitePerson", "agent"));

        // then both are refused and nothing changed
        assertThat(byAgent.getStatusCode().value()).as(byAgent.getBody()).isIn(403, 404);
        assertThat(smuggled.getStatusCode().value()).as(smuggled.getBody()).isEqualTo(400);
        assertThat(everything(key)).isEqualTo(before);
        assertThat(api.task("oncall-1", key, "CheckIn")).isNotNull();

        // when she checks in herself
        assertThat(api.complete("oncall-1", checkIn.path("id").asText(), Map.of("onSiteArrived", true,
                "onSiteArrivedAt", "02:40", "onSiteCheckInNote", "badge works, cage open")).getStatusCode().value()).isEqualTo(204);

        // then her arrival is on the timeline and her checklist is her next task
        assertThat(lines(key, "RESPONDERS")).contains(
                "oncall-1: Olivia On-call arrived on site at DC Amsterdam, hall 2 (02:40): badge works, cage open");
        JsonNode checklist = api.awaitTask("oncall-1", key, "WorkChecklist");
        assertThat(checklist.path("assignee").asText()).isEqualTo("oncall-1");
        assertThat(api.complete("oncall-1", checklist.path("id").asText(), Map.of("onSiteAllDone", true,
                "onSiteNote", "PDU B tripped, reset")).getStatusCode().value()).isEqualTo(204);
        assertThat(lines(key, "RESPONDERS")).contains(
                "oncall-1: Olivia On-call on site at DC Amsterdam, hall 2: every checklist item done: PDU B tripped, reset");
    }

    @Test
    void onlyCommandersAndAdminsPageMoreOrSendSomeoneOnSite() {
        // given
        String key = api().declare("commander", "Mail relay queue growing");
        String before = everything(key);

        // when
        ResponseEntity<String> agentPages = pages("agent", key, "{\"person\": \"oncall-1\"}");
        ResponseEntity<String> onCallPages = pages("oncall-1", key, "{\"schedule\": \"ops-primary\"}");
        ResponseEntity<String> agentSends = onSite("agent", key,
                "{\"person\": \"oncall-1\", \"site\": \"DC Amsterdam\", \"checklist\": " + CHECKLIST + "}");

        // then
        assertThat(agentPages.getStatusCode().value()).isEqualTo(403);
        assertThat(onCallPages.getStatusCode().value()).isEqualTo(403);
        assertThat(agentSends.getStatusCode().value()).isEqualTo(403);
        assertThat(everything(key)).isEqualTo(before);
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndChangeNothing() {
        // given
        String key = api().declare("commander", "Webmail login slow");
        String before = everything(key);
        String tooLong = "x".repeat(201);

        // then every bad page request is a 400 problem naming the field
        assertProblem(pages("commander", key, "{}"), 400, "person");
        assertProblem(pages("commander", key, "{\"person\": \"oncall-1\", \"schedule\": \"ops-primary\"}"), 400, "person");
        assertProblem(pages("commander", key, "{\"person\": \"left-the-company\"}"), 400, "person");
        assertProblem(pages("commander", key, "{\"schedule\": \"nights\"}"), 400, "schedule");
        assertProblem(pages("commander", key, "{\"policy\": \"nights\"}"), 400, "policy");
        assertProblem(pages("commander", key, "{\"person\": \"oncall-1\", \"reason\": \"" + "x".repeat(501) + "\"}"), 400, "reason");
        assertProblem(pages("commander", key, "{\"person\": \"oncall-1\", \"pagingTarget\": \"person:agent\"}"), 400, "pagingTarget");
        // and every bad on-site request too
        assertProblem(onSite("commander", key, "{\"person\": \"oncall-1\", \"site\": \"DC\", \"checklist\": []}"), 400, "checklist");
        assertProblem(onSite("commander", key, "{\"person\": \"oncall-1\", \"site\": \"DC\", \"checklist\": ["
                + "\"a\",".repeat(20) + "\"a\"]}"), 400, "checklist");
        assertProblem(onSite("commander", key, "{\"person\": \"oncall-1\", \"site\": \"DC\", \"checklist\": [\"" + tooLong + "\"]}"),
                400, "checklist");
        assertProblem(onSite("commander", key, "{\"person\": \"oncall-1\", \"checklist\": " + CHECKLIST + "}"), 400, "site");
        assertProblem(onSite("commander", key, "{\"person\": \"left-the-company\", \"site\": \"DC\", \"checklist\": "
                + CHECKLIST + "}"), 400, "person");
        assertThat(everything(key)).isEqualTo(before);

        // and an unknown incident is a 404
        assertThat(pages("commander", "INC-1999-9999", "{\"person\": \"oncall-1\"}").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anIncidentThatIsNoLongerOpenPagesNobodyMore() {
        // given an incident whose record says it is closed
        String key = api().declare("commander", "Backup job failed");
        jdbc.update("UPDATE bs_incident SET status = 'closed' WHERE incident_key = ?", key);
        String before = everything(key);

        // when
        ResponseEntity<String> paged = pages("commander", key, "{\"person\": \"oncall-1\"}");
        ResponseEntity<String> sent = onSite("commander", key,
                "{\"person\": \"oncall-1\", \"site\": \"DC Amsterdam\", \"checklist\": " + CHECKLIST + "}");

        // then
        assertThat(paged.getStatusCode().value()).as(paged.getBody()).isEqualTo(409);
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(409);
        assertThat(everything(key)).isEqualTo(before);
    }

    private void assertProblem(ResponseEntity<String> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains(field);
    }
}
