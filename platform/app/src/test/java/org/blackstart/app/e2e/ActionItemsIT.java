package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.junit.jupiter.api.Test;

/**
 * Action items through the API: a commander records one for an owner, the owner finds it in Tasklist and
 * marks it done; whoever may not, or asks for something that cannot be, is refused and nothing changes.
 */
class ActionItemsIT extends PlatformIT {

    private static final String FEED = """
            {"title": "Add second feed to rack B", "owner": "oncall-1", "kind": "prevent", "dueOn": "%s"}""";

    private String actions(String key) {
        return "/api/incidents/" + key + "/actions";
    }

    /** What a refused call must leave as it was: the incident's items and its timeline. */
    private String state(String key) {
        JsonNode incident = api().incident("commander", key);
        return incident.path("actionItems").toString() + incident.path("timeline").size();
    }

    @Test
    void aCommanderRecordsAnItemItsOwnerFindsItInTasklistAndMarksItDone() {
        // given
        String key = api().declare("commander", "Rack B lost its only power feed");
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(14);

        // when
        ResponseEntity<String> created = api().send("commander", HttpMethod.POST, actions(key), FEED.formatted(due));

        // then
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode item = api().json(created);
        long id = item.path("id").asLong();
        assertThat(item.path("incidentKey").asText()).isEqualTo(key);
        assertThat(item.path("title").asText()).isEqualTo("Add second feed to rack B");
        assertThat(item.path("owner").asText()).isEqualTo("oncall-1");
        assertThat(item.path("kind").asText()).isEqualTo("prevent");
        assertThat(item.path("dueOn").asText()).isEqualTo(due.toString());
        assertThat(item.path("status").asText()).isEqualTo("open");
        assertThat(item.path("overdue").asBoolean()).isFalse();
        JsonNode details = api().incident("commander", key);
        assertThat(details.path("actionItems")).singleElement()
                .satisfies(listed -> assertThat(listed.path("id").asLong()).isEqualTo(id));
        assertThat(lines(details)).contains("action item #" + id + " 'Add second feed to rack B' (prevent) for oncall-1, due " + due);
        JsonNode task = await().atMost(Duration.ofSeconds(30)).until(() -> ownTask("oncall-1", key), t -> t != null);
        assertThat(task.path("name").asText()).isEqualTo("Action item: Add second feed to rack B");
        assertThat(task.path("due").asText()).startsWith(due.toString());
        assertThat(listed("agent", "/api/actions?status=open&incident=" + key)).containsExactly(id);

        // when: someone who neither owns it nor commands tries to close it
        String before = state(key);
        ResponseEntity<String> stranger = api().send("agent", HttpMethod.POST, "/api/actions/" + id + "/done", null);

        // then
        assertThat(stranger.getStatusCode().value()).isEqualTo(403);
        assertThat(state(key)).isEqualTo(before);

        // when: its owner marks it done
        ResponseEntity<String> done = api().send("oncall-1", HttpMethod.POST, "/api/actions/" + id + "/done", null);

        // then
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
        assertThat(api().json(done).path("status").asText()).isEqualTo("done");
        assertThat(api().json(done).path("closedBy").asText()).isEqualTo("oncall-1");
        assertThat(ownTask("oncall-1", key)).as("the owner's task is gone").isNull();
        assertThat(lines(api().incident("commander", key)))
                .contains("action item #" + id + " 'Add second feed to rack B' (prevent) done, closed by oncall-1");
        assertThat(listed("commander", "/api/actions?status=done&incident=" + key)).containsExactly(id);
        assertThat(listed("commander", "/api/actions?status=open&incident=" + key)).isEmpty();
        assertThat(api().send("commander", HttpMethod.POST, "/api/actions/" + id + "/done", null).getStatusCode().value())
                .as("done twice").isEqualTo(409);
        String ticket = api().json(done).path("ticketKey").asText();
        assertThat(ticket).as("the team's Jira took the item").startsWith(JiraServiceDeskSimulation.TEAM_PROJECT + "-");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TEAM_JIRA.issue(ticket).status()).as("closed in Jira too").isEqualTo("Done"));
    }

    @Test
    void theItemsIssueInTheTeamsJiraFinishedThereClosesTheItemAndAForgedReportChangesNothing() {
        // given: an item whose issue the team's Jira opened
        String key = api().declare("commander", "Rack B PDU firmware crashed twice");
        ResponseEntity<String> created = api().send("commander", HttpMethod.POST, actions(key), """
                {"title": "Update the rack B PDU firmware", "owner": "oncall-2", "kind": "mitigate"}""");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        long id = api().json(created).path("id").asLong();
        JsonNode opened = await().atMost(Duration.ofSeconds(30)).until(() -> item("commander", key, id),
                item -> !item.path("ticketKey").asText().isEmpty());
        String ticket = opened.path("ticketKey").asText();
        assertThat(opened.path("ticketSystem").asText()).isEqualTo("jira");
        assertThat(opened.path("ticketUrl").asText()).isEqualTo(TEAM_JIRA.baseUrl() + "/browse/" + ticket);
        JiraServiceDeskSimulation.Issue issue = TEAM_JIRA.issue(ticket);
        assertThat(issue.summary()).isEqualTo("[" + key + "] Update the rack B PDU firmware");
        assertThat(issue.dueDate()).isEqualTo(api().json(created).path("dueOn").asText());
        assertThat(lines(api().incident("commander", key))).contains("action item #" + id + ": ticket " + ticket + " opened in jira");

        // when: a forged report that the issue was finished
        String body = JiraServiceDeskSimulation.issueFinished(issue, "61" + id, "To Do");
        String before = state(key);
        ResponseEntity<String> forged = webhook(body, JiraServiceDeskSimulation.sign("a-guess-at-the-team-webhook-secret", body));

        // then
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(state(key)).isEqualTo(before);
        assertThat(item("commander", key, id).path("status").asText()).isEqualTo("open");

        // when: a team member finishes the issue in Jira and Jira reports it, signed
        TEAM_JIRA.teamMemberFinishes(ticket);
        ResponseEntity<String> reported = webhook(body, JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET, body));

        // then: the item is done, by the person who finished it there, and Jira is not asked to close it again
        assertThat(reported.getStatusCode().value()).as(reported.getBody()).isEqualTo(200);
        assertThat(api().json(reported).path("outcome").asText()).isEqualTo("CLOSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(item("commander", key, id).path("status").asText()).isEqualTo("done"));
        assertThat(item("commander", key, id).path("closedBy").asText()).isEqualTo(JiraServiceDeskSimulation.TEAM_MEMBER);
        assertThat(ownTask("oncall-2", key)).isNull();
        assertThat(lines(api().incident("commander", key))).contains("action item #" + id
                + " 'Update the rack B PDU firmware' (mitigate) done: ticket " + ticket + " closed in jira by "
                + JiraServiceDeskSimulation.TEAM_MEMBER);
        assertThat(TEAM_JIRA.requests("POST", "/rest/api/3/issue/" + ticket + "/transitions")).isEmpty();

        // when: Jira delivers the same report again
        String after = state(key);
        ResponseEntity<String> again = webhook(body, JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET, body));

        // then
        assertThat(api().json(again).path("outcome").asText()).isEqualTo("ALREADY_DONE");
        assertThat(state(key)).isEqualTo(after);
    }

    private JsonNode item(String user, String key, long id) {
        for (JsonNode item : api().json(api().send(user, HttpMethod.GET, "/api/actions?incident=" + key, null))) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no action item " + id + " in " + key);
    }

    private ResponseEntity<String> webhook(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Hub-Signature", signature);
        return http.exchange("/api/vendor-webhooks/jira/actions", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void withoutADueDateAnItemOfASev2IncidentIsDueInThirtyDays() {
        // given
        String key = api().declare("commander", "Mail queue stalled for an hour");

        // when
        ResponseEntity<String> created = api().send("commander", HttpMethod.POST, actions(key),
                "{\"title\": \"Alert on queue age\", \"owner\": \"oncall-2\", \"kind\": \"detect\"}");

        // then
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(api().json(created).path("dueOn").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
    }

    @Test
    void anAgentMayNotRecordItemsAndBadItemsAreRefusedWithoutChangingAnything() {
        // given
        String key = api().declare("commander", "Webmail answers 502");
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
        String before = state(key);

        // when / then
        assertThat(api().send("agent", HttpMethod.POST, actions(key), FEED.formatted(due)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(api().send("oncall-1", HttpMethod.GET, "/api/actions", null).getStatusCode().value())
                .as("on-call engineers do not list everyone's items").isEqualTo(403);
        Map<String, String> refused = Map.of(
                "unknown owner", "{\"title\": \"x\", \"owner\": \"nobody-here\", \"kind\": \"prevent\"}",
                "unknown kind", "{\"title\": \"x\", \"owner\": \"oncall-1\", \"kind\": \"blame\"}",
                "past due date", "{\"title\": \"x\", \"owner\": \"oncall-1\", \"kind\": \"prevent\", \"dueOn\": \"2020-01-01\"}",
                "missing title", "{\"owner\": \"oncall-1\", \"kind\": \"prevent\"}",
                "title too long", "{\"title\": \"" + "x".repeat(301) + "\", \"owner\": \"oncall-1\", \"kind\": \"prevent\"}");
        refused.forEach((why, body) -> {
            ResponseEntity<String> answer = api().send("commander", HttpMethod.POST, actions(key), body);
            assertThat(answer.getStatusCode().value()).as(why + ": " + answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).as(why).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        assertThat(state(key)).isEqualTo(before);
        assertThat(api().send("commander", HttpMethod.POST, actions("INC-1999-9999"), FEED.formatted(due))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api().send("commander", HttpMethod.POST, "/api/actions/999999999/done", null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(api().send("commander", HttpMethod.GET, "/api/actions?status=late", null).getStatusCode().value())
                .isEqualTo(400);
    }

    private JsonNode ownTask(String user, String key) {
        JsonNode tasks = api().json(api().send(user, HttpMethod.GET, api().engine("/task?processInstanceBusinessKey=" + key
                + "&taskDefinitionKey=DoItem&assignee=" + user), null));
        return tasks.isArray() && !tasks.isEmpty() ? tasks.get(0) : null;
    }

    private List<Long> listed(String user, String path) {
        ResponseEntity<String> answer = api().send(user, HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        api().json(answer).forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private static List<String> lines(JsonNode details) {
        List<String> lines = new ArrayList<>();
        details.path("timeline").forEach(line -> {
            if ("ACTION_ITEM".equals(line.path("kind").asText())) {
                lines.add(line.path("detail").asText());
            }
        });
        return lines;
    }
}
