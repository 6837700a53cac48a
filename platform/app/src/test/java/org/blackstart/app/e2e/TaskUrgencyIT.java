package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.blackstart.app.tasks.TaskPriorities;
import org.blackstart.app.tasks.TaskUrgency;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * An incident's tasks carry its severity: priority and due date when they are created, and again when
 * triage or a re-triage changes it. Comments on its tasks reach its timeline.
 */
class TaskUrgencyIT extends PlatformIT {

    private static final AtomicInteger CHORES = new AtomicInteger();

    @Autowired
    TaskService tasks;
    @Autowired
    TaskUrgency urgency;
    @Autowired
    Timeline timeline;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void triageMovesTheOpenTasksAndTheNextTasksTakeTheNewSeverity() {
        // given a SEV3 incident whose paging runs while it is triaged
        Api api = api();
        String key = declare(api, "Storage array degraded", "SEV3", "datacenter-ops");
        Task triage = task(key, api.awaitTask("commander", key, "Triage"));
        Task acknowledge = task(key, api.awaitTask("commander", key, "AcknowledgeInTasklist"));
        assertThat(triage.getPriority()).isEqualTo(TaskPriorities.SEV3);
        assertThat(triage.getDueDate()).as("a SEV3 triage has an hour").isCloseTo(plus(triage.getCreateTime(), Duration.ofHours(1)), 1000);
        assertThat(acknowledge.getPriority()).as("paging shares the incident's key").isEqualTo(TaskPriorities.SEV3);

        // when the commander triages it as SEV1
        Instant before = Instant.now();
        assertThat(api.claimAndComplete("commander", api.json(api.send("commander", HttpMethod.GET,
                "/engine-rest/task/" + triage.getId(), null)), Map.of("severity", "SEV1", "affectedServices", "mail",
                "customerImpact", "Mail is not delivered.")).getStatusCode().value()).isEqualTo(204);
        Instant after = Instant.now();

        // then the page still open is now a SEV1 task, due 15 minutes after the triage
        Task acknowledged = tasks.createTaskQuery().taskId(acknowledge.getId()).singleResult();
        assertThat(acknowledged.getPriority()).isEqualTo(TaskPriorities.SEV1);
        assertThat(acknowledged.getDueDate()).isBetween(Date.from(before.plus(Duration.ofMinutes(15)).minusSeconds(1)),
                Date.from(after.plus(Duration.ofMinutes(15)).plusSeconds(1)));
        // and the tasks that follow triage, in the incident and in its notice, are SEV1 tasks, due by their kind
        Task mitigate = task(key, api.awaitTask("commander", key, "Mitigate"));
        Task review = task(key, api.awaitTask("agent", key, "ReviewNotice"));
        assertThat(List.of(mitigate, review)).allSatisfy(task -> assertThat(task.getPriority()).isEqualTo(TaskPriorities.SEV1));
        assertThat(mitigate.getDueDate()).as("no kind: the SEV1 time").isCloseTo(plus(mitigate.getCreateTime(), Duration.ofMinutes(15)), 1000);
        assertThat(review.getDueDate()).as("a SEV1 notice review").isCloseTo(plus(review.getCreateTime(), Duration.ofMinutes(10)), 1000);
    }

    @Test
    void aReTriageMovesPriorityAndOurDueDatesButKeepsADueDateSomeoneSet() {
        // given a triaged SEV1 incident with open tasks, one of which a person gave their own due date
        Api api = api();
        String key = declare(api, "Core switch down", "SEV1", null);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV1",
                "affectedServices", "mail", "customerImpact", "Nothing is reachable."));
        Task mitigate = task(key, api.awaitTask("commander", key, "Mitigate"));
        Task review = task(key, api.awaitTask("agent", key, "ReviewNotice"));
        Date personal = Date.from(Instant.now().plus(Duration.ofHours(3)));
        review.setDueDate(personal);
        tasks.saveTask(review);

        // when the incident is re-triaged as SEV2
        Instant before = Instant.now();
        urgency.severityChanged(key, "SEV2");
        Instant after = Instant.now();

        // then both are SEV2 tasks; ours is due an hour after the re-triage, the person's date stays
        Task mitigateNow = tasks.createTaskQuery().taskId(mitigate.getId()).singleResult();
        Task reviewNow = tasks.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(mitigateNow.getPriority()).isEqualTo(TaskPriorities.SEV2);
        assertThat(mitigateNow.getDueDate()).isBetween(Date.from(before.plus(Duration.ofHours(1)).minusSeconds(1)),
                Date.from(after.plus(Duration.ofHours(1)).plusSeconds(1)));
        assertThat(reviewNow.getPriority()).isEqualTo(TaskPriorities.SEV2);
        assertThat(reviewNow.getDueDate()).isCloseTo(personal, 1000);
    }

    @Test
    void anUnknownSeverityIsRefusedAndChangesNoTask() {
        // given
        Api api = api();
        String key = declare(api, "Webmail slow", "SEV2", null);
        Task triage = task(key, api.awaitTask("commander", key, "Triage"));

        // when / then
        assertThatThrownBy(() -> urgency.severityChanged(key, "SEV9")).isInstanceOf(IllegalArgumentException.class);
        Task after = tasks.createTaskQuery().taskId(triage.getId()).singleResult();
        assertThat(after.getPriority()).isEqualTo(TaskPriorities.SEV2).isEqualTo(triage.getPriority());
        assertThat(after.getDueDate()).isEqualTo(triage.getDueDate());
    }

    @Test
    void aCommentOnAnIncidentsTaskIsOnItsTimelineByItsAuthor() {
        // given
        Api api = api();
        String key = declare(api, "Backups failing", "SEV2", null);
        JsonNode triage = api.awaitTask("commander", key, "Triage");

        // when the commander comments on the task through the engine's REST API
        ResponseEntity<String> response = api.send("commander", HttpMethod.POST,
                "/engine-rest/task/" + triage.path("id").asText() + "/comment/create",
                "{\"message\":\"Storage team is looking at the array.\"}");

        // then the task guard let it through and the timeline has it, by the commander, at the task
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        List<TimelineEntry> comments = comments(key);
        assertThat(comments).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("commander");
            assertThat(entry.detail()).isEqualTo("Storage team is looking at the array.");
            assertThat(entry.step()).isEqualTo("Triage");
            assertThat(entry.stepName()).isEqualTo("Triage: Backups failing");
        });
        assertThat(api.incident("commander", key).path("timeline").toString()).contains("Storage team is looking at the array.");
    }

    @Test
    void aCommentOnATaskOfAProcessWithoutAnIncidentStaysOnTheTask() {
        // given a task of a process that is not an incident's, under a key no incident has
        String process = "tasks-it-chore";
        if (repository.createProcessDefinitionQuery().processDefinitionKey(process).count() == 0) {
            repository.createDeployment().name("tasks-it").addModelInstance(process + ".bpmn",
                    Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(1).camundaStartableInTasklist(false)
                            .startEvent().userTask("Chore").name("A chore").camundaCandidateGroups("incident-commanders")
                            .endEvent().done()).deploy();
        }
        String key = "CHORE-" + CHORES.incrementAndGet();
        runtime.startProcessInstanceByKey(process, key);
        Task chore = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
        assertThat(chore.getPriority()).as("left as modelled").isEqualTo(50);
        assertThat(chore.getDueDate()).isNull();
        List<TimelineEntry> before = timeline.of(key);

        // when the commander comments on it
        ResponseEntity<String> response = api().send("commander", HttpMethod.POST,
                "/engine-rest/task/" + chore.getId() + "/comment/create", "{\"message\":\"Done tomorrow.\"}");

        // then the comment is on the task, and nothing was written to a timeline
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(tasks.getTaskComments(chore.getId())).singleElement()
                .satisfies(comment -> assertThat(comment.getFullMessage()).isEqualTo("Done tomorrow."));
        assertThat(timeline.of(key)).isEqualTo(before);
    }

    private List<TimelineEntry> comments(String key) {
        return timeline.of(key).stream().filter(entry -> entry.kind() == TimelineKind.COMMENT).toList();
    }

    private Task task(String key, JsonNode task) {
        Task found = tasks.createTaskQuery().taskId(task.path("id").asText()).singleResult();
        assertThat(found).as("task of %s", key).isNotNull();
        return found;
    }

    private static Date plus(Date date, Duration duration) {
        return Date.from(date.toInstant().plus(duration));
    }

    static String declare(Api api, String title, String severity, String escalationPolicy) {
        ResponseEntity<String> response = api.send("commander", HttpMethod.POST, "/api/incidents",
                "{\"title\":\"" + title + "\",\"severity\":\"" + severity + "\""
                        + (escalationPolicy == null ? "" : ",\"escalationPolicy\":\"" + escalationPolicy + "\"") + "}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return api.json(response).path("key").asText();
    }
}
