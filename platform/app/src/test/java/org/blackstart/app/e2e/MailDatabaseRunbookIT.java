package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.blackstart.app.incident.IncidentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The database story: a commander runs the mail database runbook from the incident; on-call engineers and commanders
 * work its steps through the engine's REST API as Tasklist does, with evidence; a second person approves the dry-run
 * diff, and in a second run a refusal stops the runbook before the restore, so the replay is never reached. Whoever may
 * not (the person who did the dry run approving it, an agent starting a runbook, a file too large or of the wrong type)
 * is refused, and nothing changes.
 */
class MailDatabaseRunbookIT extends PlatformIT {

    private static final String RUNBOOK = "mail-database-restore";
    private static final String NAME = "Mail database restore and replay";

    @Autowired
    private IncidentRepository incidents;

    @Autowired
    private JdbcTemplate jdbc;

    private ResponseEntity<String> run(String user, String key, String runbook) {
        return api().send(user, HttpMethod.POST, "/api/incidents/" + key + "/runbooks", "{\"runbook\": \"" + runbook + "\"}");
    }

    private JsonNode runs(String key) {
        return api().json(api().send("commander", HttpMethod.GET, "/api/incidents/" + key + "/runbooks", null));
    }

    private ResponseEntity<String> work(String user, String key, String step, Map<String, Object> result) {
        return api().claimAndComplete(user, api().awaitTask(user, key, step), result);
    }

    private ResponseEntity<String> upload(String user, String taskId, String name, String type, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(type));
        part.setContentDispositionFormData("file", name);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
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

    private static List<String> lines(JsonNode incident) {
        List<String> lines = new ArrayList<>();
        incident.path("timeline").forEach(line -> lines.add(line.path("kind").asText() + " " + line.path("actor").asText()
                + ": " + line.path("detail").asText()));
        return lines;
    }

    /** What a refused approval must leave as it was: the task and who holds it, the run, the timeline, the variables. */
    private String approvalState(String key, String taskId) {
        JsonNode task = api().json(api().send("admin", HttpMethod.GET, api().engine("/task/" + taskId), null));
        JsonNode variables = api().json(api().send("admin", HttpMethod.GET, api().engine("/task/" + taskId + "/variables"), null));
        return task.path("id").asText() + "|" + task.path("assignee").asText() + "|" + variables.has("fourEyesVerdict")
                + "|" + runs(key) + "|" + api().incident("commander", key).path("timeline").size();
    }

    private long evidenceRows() {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM bs_runbook_evidence", Long.class);
        return rows == null ? 0 : rows;
    }

    private String dryRunDone(String key, String dryRunBy) {
        assertThat(run("commander", key, RUNBOOK).getStatusCode().value()).isEqualTo(201);
        assertThat(work("oncall-1", key, "ChooseBackup", Map.of("backupId", "mx-db-02", "checksumVerified", "yes"))
                .getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> dryRun = work(dryRunBy, key, "DryRun", Map.of("dryRunDiff", "4,211 mailboxes; 38 newer messages"));
        assertThat(dryRun.getStatusCode().value()).as(dryRun.getBody()).isEqualTo(204);
        return api().awaitTask("commander-2", key, "ApproveStep").path("id").asText();
    }

    @Test
    void theMailDatabaseRunbookRunsEndToEndWithItsFourEyesStep() {
        // given an incident, and the runbooks on-call engineers and commanders see
        String key = api().declare("commander", "Mail database corrupted");
        JsonNode listed = api().json(api().send("oncall-1", HttpMethod.GET, "/api/runbooks", null));
        List<String> keys = new ArrayList<>();
        listed.forEach(runbook -> keys.add(runbook.path("key").asText()));
        assertThat(keys).contains(RUNBOOK, "datacenter-power-recovery").doesNotContain("major-incident", "four-eyes");

        // when the commander runs the mail database runbook from the incident
        ResponseEntity<String> started = run("commander", key, RUNBOOK);

        // then it runs for the incident, at its first step
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        JsonNode run = api().json(started);
        assertThat(run.path("runbook").asText()).isEqualTo(RUNBOOK);
        assertThat(run.path("outcome").asText()).isEqualTo("running");
        assertThat(run.path("steps").get(0).path("name").asText()).isEqualTo("Choose the newest good backup");
        assertThat(run("commander", key, RUNBOOK).getStatusCode().value()).as("a second click starts nothing").isEqualTo(409);

        // when an on-call engineer's first backup fails its checksum, and the next one checks out
        assertThat(work("oncall-1", key, "ChooseBackup", Map.of("backupId", "mx-db-04", "checksumVerified", "no"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(work("oncall-1", key, "ChooseBackup", Map.of("backupId", "mx-db-02", "checksumVerified", "yes"))
                .getStatusCode().value()).isEqualTo(204);

        // and they attach the lab restore's log to the dry run and finish it
        String dryRunTask = api().awaitTask("oncall-1", key, "DryRun").path("id").asText();
        byte[] log = new byte[12 * 1024];
        Arrays.fill(log, (byte) 'x');
        ResponseEntity<String> attached = upload("oncall-1", dryRunTask, "db-restore.log", "text/plain", log);
        assertThat(attached.getStatusCode().value()).as(attached.getBody()).isEqualTo(201);
        assertThat(work("oncall-1", key, "DryRun", Map.of("dryRunDiff", "4,211 mailboxes; 38 newer messages"))
                .getStatusCode().value()).isEqualTo(204);

        // then a second person is asked to approve the diff
        JsonNode approval = api().awaitTask("commander-2", key, "ApproveStep");
        String approvalId = approval.path("id").asText();
        assertThat(runs(key).get(0).path("steps").get(0).path("name").asText()).isEqualTo("Approve the dry-run diff for " + key);

        // when the engineer who did the dry run tries to approve it themselves, by claim and by completion
        String before = approvalState(key, approvalId);
        ResponseEntity<String> ownClaim = api().send("oncall-1", HttpMethod.POST, api().engine("/task/" + approvalId + "/claim"),
                "{\"userId\": \"oncall-1\"}");
        ResponseEntity<String> ownApproval = api().complete("oncall-1", approvalId, Map.of("fourEyesVerdict", "approve"));

        // then both are refused, saying why, and nothing changed (the engine's REST API answers a claim its task
        // listener refuses with 500, whatever the listener throws; the completion is a 400)
        assertThat(ownClaim.getStatusCode().is2xxSuccessful()).as(ownClaim.getBody()).isFalse();
        assertThat(ownClaim.getBody()).contains("a second person approves it");
        assertThat(ownApproval.getStatusCode().value()).as(ownApproval.getBody()).isEqualTo(400);
        assertThat(ownApproval.getBody()).contains("a second person approves it");
        assertThat(approvalState(key, approvalId)).isEqualTo(before);

        // when a second commander approves, and the engineers restore, empty the mailboxes, replay in two stages, reconcile
        assertThat(api().claimAndComplete("commander-2", approval, Map.of("fourEyesVerdict", "approve")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(work("commander", key, "Restore", Map.of("restoreSummary", "4,211 mailboxes restored")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(work("oncall-2", key, "EmptyMailboxes", Map.of("mailboxesResult", "test mail arrived in 4 s"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(work("oncall-2", key, "ReplayStage", Map.of("replayedStage", "2026-12-06", "replayDone", "more"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(work("oncall-2", key, "ReplayStage", Map.of("replayedStage", "2026-12-01 to 2026-12-05", "replayDone", "done"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(work("oncall-1", key, "Reconcile", Map.of("duplicatesRemoved", 38)).getStatusCode().value()).isEqualTo(204);

        // then the run is complete, with its evidence, and the incident's timeline tells the story
        JsonNode incident = api().incident("commander", key);
        JsonNode done = incident.path("runbooks").get(0);
        assertThat(done.path("outcome").asText()).isEqualTo("completed");
        assertThat(done.path("steps")).isEmpty();
        assertThat(done.path("evidence").get(0).path("name").asText()).isEqualTo("db-restore.log");
        assertThat(done.path("evidence").get(0).path("size").asLong()).isEqualTo(12 * 1024);
        assertThat(lines(incident)).contains(
                "RUNBOOK commander: Runbook " + NAME + " started by commander",
                "RUNBOOK oncall-1: Backup mx-db-04 chosen: checksum NOT verified, choosing another",
                "RUNBOOK oncall-1: evidence: db-restore.log, 12 KB",
                "RUNBOOK oncall-1: Dry run in the lab: 4,211 mailboxes; 38 newer messages",
                "RUNBOOK commander-2: the dry-run diff: approved by a second person",
                "RUNBOOK oncall-2: History replayed: 2026-12-01 to 2026-12-05, replay complete",
                "RUNBOOK oncall-1: Duplicates reconciled: 38 removed",
                "RUNBOOK oncall-1: Runbook " + NAME + " completed");
        ResponseEntity<String> download = api().send("oncall-2", HttpMethod.GET, done.path("evidence").get(0).path("url").asText(), null);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getBody()).hasSize(12 * 1024);
    }

    @Test
    void aRefusedDryRunStopsTheRunbookBeforeTheReplay() {
        // given a second run, its dry run done by a commander
        String key = api().declare("commander", "Mail database corrupted again");
        String approvalId = dryRunDone(key, "commander");

        // when the second person refuses without saying why
        api().send("commander-2", HttpMethod.POST, api().engine("/task/" + approvalId + "/claim"), "{\"userId\": \"commander-2\"}");
        String before = approvalState(key, approvalId);
        ResponseEntity<String> silent = api().complete("commander-2", approvalId, Map.of("fourEyesVerdict", "refuse"));

        // then that is refused, and nothing else changed
        assertThat(silent.getStatusCode().value()).as(silent.getBody()).isEqualTo(400);
        assertThat(silent.getBody()).contains("Say why you refuse");
        assertThat(approvalState(key, approvalId)).isEqualTo(before);

        // when they refuse with a reason
        ResponseEntity<String> refused = api().complete("commander-2", approvalId,
                Map.of("fourEyesVerdict", "refuse", "fourEyesReason", "The diff misses the shared mailboxes"));

        // then the run stops before the restore, says why, and no replay task is ever created
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(204);
        JsonNode incident = api().incident("commander", key);
        assertThat(incident.path("runbooks").get(0).path("outcome").asText()).isEqualTo("stopped");
        assertThat(lines(incident)).contains(
                "RUNBOOK commander-2: the dry-run diff: refused by a second person: The diff misses the shared mailboxes",
                "RUNBOOK system: Runbook stopped before the restore: the dry run was refused: The diff misses the shared mailboxes");
        for (String step : List.of("Restore", "EmptyMailboxes", "ReplayStage")) {
            JsonNode ever = api().json(api().send("admin", HttpMethod.GET, api().engine("/history/task?processInstanceBusinessKey="
                    + key + "&taskDefinitionKey=" + step), null));
            assertThat(ever).as("%s was never offered", step).isEmpty();
        }
    }

    @Test
    void onlyCommandersRunRunbooksOfThisPlatformForOpenIncidents() {
        // given
        String key = api().declare("commander", "Mail database slow");
        String closed = "INC-2026-9" + String.format("%03d", (int) (System.nanoTime() % 1000));
        incidents.insert(closed, "Closed long ago", null, "SEV3", "commander", "none", null, IncidentRepository.KIND_INCIDENT);
        incidents.update(closed, null, null, null, "closed");

        // when
        ResponseEntity<String> byAgent = run("agent", key, RUNBOOK);
        ResponseEntity<String> unknown = run("commander", key, "format-all-disks");
        ResponseEntity<String> notARunbook = run("commander", key, "major-incident");
        ResponseEntity<String> extraField = api().send("commander", HttpMethod.POST, "/api/incidents/" + key + "/runbooks",
                "{\"runbook\": \"" + RUNBOOK + "\", \"businessKey\": \"INC-2026-0001\"}");
        ResponseEntity<String> forClosed = run("commander", closed, RUNBOOK);

        // then
        assertThat(byAgent.getStatusCode().value()).isEqualTo(403);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(notARunbook.getStatusCode().value()).isEqualTo(400);
        assertThat(extraField.getStatusCode().value()).isEqualTo(400);
        assertThat(forClosed.getStatusCode().value()).as(forClosed.getBody()).isEqualTo(409);
        assertThat(runs(key)).isEmpty();
        assertThat(runs(closed)).isEmpty();
    }

    @Test
    void evidenceTooLargeOfTheWrongTypeOrFromSomeoneElseIsRefusedAndNothingIsStored() {
        // given a running step
        String key = api().declare("commander", "Mail database restore, evidence");
        run("commander", key, RUNBOOK);
        String taskId = api().awaitTask("oncall-1", key, "ChooseBackup").path("id").asText();
        long rows = evidenceRows();
        int timeline = api().incident("commander", key).path("timeline").size();

        // when
        ResponseEntity<String> tooLarge = upload("oncall-1", taskId, "huge.log", "text/plain", new byte[10 * 1024 * 1024 + 1]);
        ResponseEntity<String> page = upload("oncall-1", taskId, "notes.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        ResponseEntity<String> disguised = upload("oncall-1", taskId, "screenshot.png", "image/png",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        ResponseEntity<String> misnamed = upload("oncall-1", taskId, "tool.exe", "text/plain", "MZ".getBytes(StandardCharsets.UTF_8));
        ResponseEntity<String> byAgent = upload("agent", taskId, "agent.log", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        ResponseEntity<String> noStep = upload("oncall-1", "no-such-task", "a.log", "text/plain", "a".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(tooLarge.getStatusCode().value()).as(tooLarge.getBody()).isEqualTo(413);
        assertThat(page.getStatusCode().value()).isEqualTo(415);
        assertThat(disguised.getStatusCode().value()).isEqualTo(415);
        assertThat(misnamed.getStatusCode().value()).isEqualTo(415);
        assertThat(byAgent.getStatusCode().value()).isEqualTo(403);
        assertThat(noStep.getStatusCode().value()).isEqualTo(404);
        assertThat(evidenceRows()).isEqualTo(rows);
        assertThat(api().incident("commander", key).path("timeline").size()).isEqualTo(timeline);
    }

    @Test
    void aRunbookDeployedAtRunTimeIsListedWhenMarkedAndNotOtherwise() {
        // given
        String marked = "tiny-runbook-" + System.nanoTime();
        String unmarked = "tiny-process-" + System.nanoTime();

        // when an admin deploys both as Camunda Modeler does
        assertThat(deploy(marked, true).getStatusCode().value()).isEqualTo(200);
        assertThat(deploy(unmarked, false).getStatusCode().value()).isEqualTo(200);

        // then
        JsonNode listed = api().json(api().send("commander", HttpMethod.GET, "/api/runbooks", null));
        List<String> keys = new ArrayList<>();
        listed.forEach(runbook -> keys.add(runbook.path("key").asText()));
        assertThat(keys).contains(marked).doesNotContain(unmarked);
        JsonNode tiny = null;
        for (JsonNode runbook : listed) {
            if (runbook.path("key").asText().equals(marked)) {
                tiny = runbook;
            }
        }
        assertThat(tiny.path("name").asText()).isEqualTo("Tiny " + marked);
        assertThat(tiny.path("description").asText()).isEqualTo("Checks one thing.");
        assertThat(tiny.path("version").asInt()).isEqualTo(1);
    }

    private ResponseEntity<String> deploy(String key, boolean runbook) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://blackstart.org/test">
                  <bpmn:process id="%s" name="Tiny %s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:documentation>Checks one thing.</bpmn:documentation>
                    <bpmn:extensionElements><camunda:properties>
                      <camunda:property name="blackstart.runbook" value="%s"/>
                    </camunda:properties></bpmn:extensionElements>
                    <bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>
                    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, key, runbook);
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        part.setContentDispositionFormData(key + ".bpmn", key + ".bpmn");
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", key);
        body.add(key + ".bpmn", new HttpEntity<>(bpmn.getBytes(StandardCharsets.UTF_8), part));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "admin");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange(api().engine("/deployment/create"), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
