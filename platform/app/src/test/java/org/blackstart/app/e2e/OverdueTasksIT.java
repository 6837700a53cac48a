package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * No silent waits: a SEV1 notice nobody reviews reaches the commander as a task of their own within the overdue
 * check's interval (shortened for the tests in {@link PlatformIT}), once, and the commander's decision is applied
 * to the overdue task. The commander's task ends by itself when the overdue task is done.
 */
class OverdueTasksIT extends PlatformIT {

    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    /** A triaged SEV1 incident whose first notice waits for an agent's review; returns the review. */
    private Task reviewWaiting(Api api, String key) {
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV1",
                "affectedServices", "mail", "customerImpact", "Nobody receives mail."));
        String id = api.awaitTask("agent", key, "ReviewNotice").path("id").asText();
        return tasks.createTaskQuery().taskId(id).singleResult();
    }

    /** Nobody looked at the review since it was due, six and a half minutes ago (the night passes faster in a test). */
    private void leftAlone(Task review) {
        review.setDueDate(Date.from(Instant.now().minus(Duration.ofSeconds(390))));
        tasks.saveTask(review);
    }

    private long overdueProcesses(String key) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("overdue-task").processInstanceBusinessKey(key).count();
    }

    private List<String> overdueLines(String key) {
        List<String> lines = new ArrayList<>();
        api().incident("commander", key).path("timeline").forEach(e -> {
            if (e.path("kind").asText().equals("OVERDUE")) {
                lines.add(e.path("actor").asText() + ": " + e.path("detail").asText());
            }
        });
        return lines;
    }

    @Test
    void anUnreviewedSev1NoticeBecomesTheCommandersTaskOnceAndEndsWhenTheAgentReviewsIt() {
        // given a SEV1 notice review, due 10 minutes after it was created
        Api api = api();
        String key = TaskUrgencyIT.declare(api, "Mail cluster down at 3 a.m.", "SEV1", null);
        Task review = reviewWaiting(api, key);
        assertThat(review.getDueDate()).isCloseTo(Date.from(review.getCreateTime().toInstant().plus(Duration.ofMinutes(10))), 1000);

        // when nobody reviews it past its due time
        leftAlone(review);

        // then the commander has a task for it within the check's interval
        JsonNode overdue = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.task("commander", key, "HandleOverdue"), task -> task != null);
        assertThat(overdue.path("name").asText()).startsWith("Overdue: " + review.getName() + " (due ")
                .endsWith(", 7 min late)");
        assertThat(overdueLines(key)).singleElement().asString()
                .startsWith("platform: Overdue: " + review.getName() + " was due ").endsWith("7 min late; the commander is asked");
        // and it is raised once, however often the check looks again
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                .untilAsserted(() -> assertThat(overdueProcesses(key)).isEqualTo(1));
        assertThat(overdueLines(key)).hasSize(1);

        // when the agent reviews the notice after all
        assertThat(api.claimAndComplete("agent", api.json(api.send("agent", HttpMethod.GET, "/engine-rest/task/" + review.getId(), null)),
                Map.of("noticeDecision", "send")).getStatusCode().value()).isEqualTo(204);

        // then the commander's task ended by itself, and the timeline says so
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(overdueProcesses(key)).isZero());
        assertThat(api.task("commander", key, "HandleOverdue")).isNull();
        assertThat(overdueLines(key)).anySatisfy(line -> assertThat(line).endsWith(": Overdue task done: " + review.getName()));
    }

    @Test
    void theCommanderGivesTheReviewMoreTimeAndOnlyACommanderMayDecide() {
        // given an overdue SEV1 review raised to the commander
        Api api = api();
        String key = TaskUrgencyIT.declare(api, "Webmail returns errors", "SEV1", null);
        Task review = reviewWaiting(api, key);
        leftAlone(review);
        JsonNode overdue = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.task("commander", key, "HandleOverdue"), task -> task != null);
        String overdueId = overdue.path("id").asText();
        Date dueBefore = tasks.createTaskQuery().taskId(review.getId()).singleResult().getDueDate();
        int linesBefore = overdueLines(key).size();

        // when an agent decides for the commander, or the commander asks for no time at all
        ResponseEntity<String> byAgent = api.complete("agent", overdueId, Map.of("overdueAction", "fine", "overdueNote", "leave it"));
        ResponseEntity<String> noTime = api.claimAndComplete("commander", overdue,
                Map.of("overdueAction", "more-time", "overdueMoreMinutes", 0));

        // then both are refused and nothing changed
        assertThat(byAgent.getStatusCode().is2xxSuccessful()).as(byAgent.getBody()).isFalse();
        assertThat(noTime.getStatusCode().is2xxSuccessful()).as(noTime.getBody()).isFalse();
        assertThat(tasks.createTaskQuery().taskId(overdueId).singleResult()).isNotNull();
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getDueDate()).isEqualTo(dueBefore);
        assertThat(overdueLines(key)).hasSize(linesBefore);

        // when the commander gives the review 20 more minutes
        Instant before = Instant.now();
        assertThat(api.complete("commander", overdueId, Map.of("overdueAction", "more-time", "overdueMoreMinutes", 20,
                "overdueNote", "agents are on the phones")).getStatusCode().value()).isEqualTo(204);
        Instant after = Instant.now();

        // then the review is due 20 minutes from now, and the timeline says who decided what
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getDueDate())
                .isBetween(Date.from(before.plus(Duration.ofMinutes(20)).minusSeconds(1)),
                        Date.from(after.plus(Duration.ofMinutes(20)).plusSeconds(1)));
        assertThat(overdueLines(key)).anySatisfy(line -> assertThat(line)
                .startsWith("commander: commander gave " + review.getName() + " 20 more minutes, due ")
                .endsWith(": agents are on the phones"));
        assertThat(overdueProcesses(key)).isZero();
    }
}
