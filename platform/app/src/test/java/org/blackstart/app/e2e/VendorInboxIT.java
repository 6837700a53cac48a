package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.blackstart.app.vendor.cases.VendorCaseStore;
import org.blackstart.app.vendor.inbox.VendorRedelivery;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorInbox.Outcome;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.spi.vendor.VendorMessage.Kind;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a ticketing plugin hands the vendor inbox, seen by the people of an incident: the message on
 * the timeline and in the escalation (here a test-only process, {@code vendor-inbox-probe}, that waits
 * for the acknowledgement and then a request), a repeat ignored, a message for no known case parked
 * for a commander to file or dismiss, and the vendor's numbers in the statistics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorInboxIT extends PlatformIT {

    @Autowired
    VendorInbox inbox;
    @Autowired
    VendorCaseStore cases;
    @Autowired
    VendorRedelivery redelivery;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    /** A vendor id of this test run only: the statistics count its cases alone. */
    private final String vendor = "probe-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void deployProbe() throws IOException {
        try (InputStream probe = getClass().getResourceAsStream("/vendor/vendor-inbox-probe.bpmn.xml")) {
            repository.createDeployment().name("vendor-inbox-probe")
                    .addInputStream("vendor-inbox-probe.bpmn", probe).deploy();
        }
    }

    /** An incident with a vendor case {@code CS-<n>} opened by a probe escalation waiting for the vendor. */
    private record Escalation(String incident, String caseNumber, ProcessInstance probe) {
    }

    private Escalation escalate(String title) {
        String incident = api().declare("commander", title);
        String caseNumber = "CS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ProcessInstance probe = runtime.startProcessInstanceByKey("vendor-inbox-probe", incident,
                Map.of("vendorCaseNumber", caseNumber));
        // What vendorCases.opened registers when vendor.case.open completes.
        cases.register(incident, vendor, "servicenow", "main", caseNumber, "sys-" + caseNumber, null, probe.getId(), 2,
                Instant.now().minusSeconds(600));
        return new Escalation(incident, caseNumber, probe);
    }

    private static VendorMessage message(String caseNumber, Kind kind, String text, VendorAttachment... files) {
        return new VendorMessage("servicenow", "main", caseNumber, "journal-" + UUID.randomUUID(), kind, "Sam Storage",
                "Case " + caseNumber, text, "Awaiting Customer", Instant.now(), List.of(files));
    }

    /** Where the probe waits, sorted: e.g. [AnswerProbe, AwaitClose] once acknowledged and asked. */
    private List<String> waitsAt(ProcessInstance probe) {
        return runtime.getActiveActivityIds(probe.getId()).stream().sorted().toList();
    }

    private List<String> vendorLines(String incident) {
        JsonNode timeline = api().incident("commander", incident).path("timeline");
        return StreamSupport.stream(timeline.spliterator(), false)
                .filter(entry -> entry.path("kind").asText().equals("VENDORS"))
                .map(entry -> entry.path("detail").asText()).toList();
    }

    @Test
    void aVendorRequestReachesTheTimelineAndTheEscalation() {
        Escalation escalation = escalate("Storage array degraded");
        VendorAttachment log = new VendorAttachment("controller.log", "text/plain",
                "fw 9.1 panic".getBytes(StandardCharsets.UTF_8));

        // The vendor writes the case number in lower case.
        Outcome outcome = inbox.receive(message(escalation.caseNumber().toLowerCase(), Kind.REQUEST,
                "Please send the controller logs of both heads", log));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        assertThat(vendorLines(escalation.incident())).contains(
                vendor + " asks on " + escalation.caseNumber() + ": Please send the controller logs of both heads (1 file)");
        assertThat(vendorLines(escalation.incident())).anySatisfy(line ->
                assertThat(line).startsWith(vendor + " acknowledged " + escalation.caseNumber() + " after 10 min"));
        // Acknowledged first, then asked: the probe waits for the close and answers the request.
        assertThat(waitsAt(escalation.probe())).containsExactly("AnswerProbe", "AwaitClose");
        org.camunda.bpm.engine.task.Task answer = taskService.createTaskQuery()
                .processInstanceId(escalation.probe().getId()).singleResult();
        assertThat(answer.getName()).isEqualTo("Answer the vendor: Please send the controller logs of both heads");
        // Local to the request's sub-process: a second request side by side keeps its own text.
        assertThat(runtime.getVariablesLocal(escalation.probe().getId())).doesNotContainKey("vendorMessageText");
        Map<String, Object> variables = taskService.getVariables(answer.getId());
        assertThat(variables).containsEntry("vendorMessageKind", "REQUEST")
                .containsEntry("vendorMessageAuthor", "Sam Storage")
                .containsEntry("vendorMessageText", "Please send the controller logs of both heads")
                .containsEntry("vendorMessageFiles", 1);

        JsonNode vendorCases = api().json(api().send("commander", HttpMethod.GET,
                "/api/incidents/" + escalation.incident() + "/vendor-cases", null));
        assertThat(vendorCases).hasSize(1);
        JsonNode vendorCase = vendorCases.get(0);
        assertThat(vendorCase.path("caseNumber").asText()).isEqualTo(escalation.caseNumber());
        assertThat(vendorCase.path("acknowledgedAt").isMissingNode()).isFalse();
        assertThat(vendorCase.path("messages")).hasSize(1);
        JsonNode stored = vendorCase.path("messages").get(0);
        assertThat(stored.path("state").asText()).isEqualTo("DELIVERED");

        JsonNode details = api().json(api().send("agent", HttpMethod.GET, "/api/vendor-messages/" + stored.path("id").asLong(), null));
        JsonNode file = details.path("files").get(0);
        assertThat(file.path("fileName").asText()).isEqualTo("controller.log");
        ResponseEntity<byte[]> download = http.withBasicAuth("agent", "agent").getForEntity(file.path("href").asText(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(download.getBody(), StandardCharsets.UTF_8)).isEqualTo("fw 9.1 panic");
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
    }

    @Test
    void theSameMessageReadTwiceIsDeliveredOnce() {
        Escalation escalation = escalate("Storage latency");
        VendorMessage reply = message(escalation.caseNumber(), Kind.REPLY, "We are looking into it");

        assertThat(inbox.receive(reply)).isEqualTo(Outcome.DELIVERED);
        List<String> once = vendorLines(escalation.incident());
        assertThat(inbox.receive(reply)).isEqualTo(Outcome.DUPLICATE);

        assertThat(vendorLines(escalation.incident())).isEqualTo(once)
                .filteredOn(line -> line.contains("replied")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_vendor_message WHERE message_id = ?", Integer.class,
                reply.messageId())).isEqualTo(1);
        assertThat(waitsAt(escalation.probe())).as("acknowledged once, no request").containsExactly("AwaitClose");
    }

    @Test
    void aMessageStoredButNeverDeliveredIsDeliveredOnceBySweep() {
        Escalation escalation = escalate("Storage controller reboot");
        // As left by a node that stopped between storing the message and delivering it.
        jdbc.update("INSERT INTO bs_vendor_message (system, account, message_id, case_number, incident_key, vendor, kind, "
                        + "author, subject, text, received_at, stored_at, state) VALUES ('servicenow', 'main', ?, ?, ?, ?, "
                        + "'REQUEST', 'Sam Storage', '', 'Apply patch 9.1.2', ?, ?, 'RECEIVED')",
                "journal-" + UUID.randomUUID(), escalation.caseNumber(), escalation.incident(), vendor,
                Timestamp.from(Instant.now().minusSeconds(300)), Timestamp.from(Instant.now().minusSeconds(120)));

        assertThat(redelivery.sweep()).isGreaterThanOrEqualTo(1);
        redelivery.sweep();

        assertThat(waitsAt(escalation.probe())).containsExactly("AnswerProbe", "AwaitClose");
        assertThat(taskService.createTaskQuery().processInstanceId(escalation.probe().getId()).count()).as("asked once")
                .isEqualTo(1);
        assertThat(vendorLines(escalation.incident())).filteredOn(line -> line.contains("Apply patch 9.1.2")).hasSize(1);
    }

    @Test
    void twoNodesDeliveringTheSameMessageDeliverItOnce() throws Exception {
        Escalation escalation = escalate("Storage controller failover");
        String messageId = "journal-" + UUID.randomUUID();
        jdbc.update("INSERT INTO bs_vendor_message (system, account, message_id, case_number, incident_key, vendor, kind, "
                        + "author, subject, text, received_at, stored_at, state) VALUES ('servicenow', 'main', ?, ?, ?, ?, "
                        + "'REQUEST', 'Sam Storage', '', 'Send the failover log', ?, ?, 'RECEIVED')",
                messageId, escalation.caseNumber(), escalation.incident(), vendor,
                Timestamp.from(Instant.now().minusSeconds(300)), Timestamp.from(Instant.now().minusSeconds(120)));
        long id = jdbc.queryForObject("SELECT id FROM bs_vendor_message WHERE message_id = ?", Long.class, messageId);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> attempts = new java.util.ArrayList<>();
            for (int node = 0; node < 2; node++) {
                attempts.add(nodes.submit(() -> {
                    start.await();
                    try {
                        return ((org.blackstart.app.vendor.inbox.JdbcVendorInbox) inbox).deliver(id);
                    } catch (RuntimeException lockTimeout) {
                        // The loser may time out waiting for the winner's row lock: it delivered nothing.
                        return false;
                    }
                }));
            }
            start.countDown();
            int delivered = 0;
            for (java.util.concurrent.Future<Boolean> attempt : attempts) {
                delivered += attempt.get() ? 1 : 0;
            }
            assertThat(delivered).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(taskService.createTaskQuery().processInstanceId(escalation.probe().getId()).count()).isEqualTo(1);
        assertThat(vendorLines(escalation.incident())).filteredOn(line -> line.contains("Send the failover log")).hasSize(1);
    }

    @Test
    void aMessageForNoKnownCaseIsParkedThenFiledByACommander() {
        Escalation escalation = escalate("Storage array offline");
        Outcome outcome = inbox.receive(message("CS-UNKNOWN", Kind.REQUEST, "Which array is affected?"));
        assertThat(outcome).isEqualTo(Outcome.PARKED);

        JsonNode parked = parkedMessage("Which array is affected?");
        long id = parked.path("id").asLong();
        assertThat(parked.path("caseNumber").asText()).isEqualTo("CS-UNKNOWN");
        assertThat(api().awaitTask("commander", "VENDOR-MSG-" + id, "FileVendorMessage")).isNotNull();
        assertThat(waitsAt(escalation.probe())).containsExactly("AwaitAck");

        // A support agent may read it, not file it; an unknown case is refused and changes nothing.
        assertThat(api().send("agent", HttpMethod.POST, "/api/vendor-messages/" + id + "/file",
                "{\"caseNumber\":\"" + escalation.caseNumber() + "\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> unknown = api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + id + "/file",
                "{\"caseNumber\":\"CS-NOPE\"}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(api().json(unknown).path("detail").asText()).contains("no servicenow case CS-NOPE is known");

        ResponseEntity<String> filed = api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + id + "/file",
                "{\"caseNumber\":\"" + escalation.caseNumber().toLowerCase() + "\"}");

        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api().json(filed).path("state").asText()).isEqualTo("FILED");
        assertThat(api().json(filed).path("resolvedBy").asText()).isEqualTo("commander");
        assertThat(waitsAt(escalation.probe())).containsExactly("AnswerProbe", "AwaitClose");
        assertThat(vendorLines(escalation.incident())).contains(vendor + " asks on " + escalation.caseNumber()
                + ": Which array is affected? [filed by commander]");
        assertThat(api().task("commander", "VENDOR-MSG-" + id, "FileVendorMessage")).as("the parked task ended").isNull();
        assertThat(api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + id + "/file",
                "{\"caseNumber\":\"" + escalation.caseNumber() + "\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api().send("commander", HttpMethod.POST, "/api/vendor-messages/999999999/dismiss",
                "{\"reason\":\"spam\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCommanderFilesAParkedMessageInTasklist() {
        Escalation escalation = escalate("Storage firmware");
        inbox.receive(message(null, Kind.ACKNOWLEDGED, "Case taken by Sam"));
        long id = parkedMessage("Case taken by Sam").path("id").asLong();
        JsonNode task = api().awaitTask("commander", "VENDOR-MSG-" + id, "FileVendorMessage");
        assertThat(task.path("name").asText()).isEqualTo("File a parked servicenow message: the message names no case number");

        ResponseEntity<String> refused = api().claimAndComplete("commander", task, Map.of("fileUnderCase", "CS-NOPE"));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("no servicenow case CS-NOPE is known");
        assertThat(api().task("commander", "VENDOR-MSG-" + id, "FileVendorMessage")).as("still open").isNotNull();

        ResponseEntity<String> filed = api().complete("commander", task.path("id").asText(),
                Map.of("fileUnderCase", escalation.caseNumber()));

        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(waitsAt(escalation.probe())).as("acknowledged, nothing asked").containsExactly("AwaitClose");
        JsonNode message = api().json(api().send("commander", HttpMethod.GET, "/api/vendor-messages/" + id, null));
        assertThat(message.path("state").asText()).isEqualTo("FILED");
        assertThat(message.path("resolvedBy").asText()).isEqualTo("commander");
    }

    @Test
    void aCommanderDismissesAParkedMessage() {
        inbox.receive(message(null, Kind.REPLY, "Our newsletter for December"));
        long id = parkedMessage("Our newsletter for December").path("id").asLong();
        api().awaitTask("commander", "VENDOR-MSG-" + id, "FileVendorMessage");

        assertThat(api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + id + "/dismiss", "{\"reason\":\" \"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> dismissed = api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + id + "/dismiss",
                "{\"reason\":\"Newsletter, not about a case\"}");

        assertThat(dismissed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api().json(dismissed).path("state").asText()).isEqualTo("DISMISSED");
        assertThat(api().json(dismissed).path("resolvedNote").asText()).isEqualTo("Newsletter, not about a case");
        assertThat(api().task("commander", "VENDOR-MSG-" + id, "FileVendorMessage")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_timeline WHERE incident_key = ?", Integer.class,
                "VENDOR-MSG-" + id)).as("a parked message belongs to no incident's timeline").isZero();
        assertThat(StreamSupport.stream(api().json(api().send("commander", HttpMethod.GET,
                "/api/vendor-messages?state=PARKED", null)).spliterator(), false)
                .noneMatch(m -> m.path("id").asLong() == id)).isTrue();
    }

    @Test
    void theStatisticsShowHowFastTheVendorAnswered() {
        Escalation answered = escalate("Storage slow");
        escalate("Storage slow again");
        inbox.receive(message(answered.caseNumber(), Kind.ACKNOWLEDGED, ""));

        JsonNode stats = api().json(api().send("agent", HttpMethod.GET, "/api/vendors/" + vendor + "/stats", null));

        assertThat(stats.path("vendor").asText()).isEqualTo(vendor);
        assertThat(stats.path("cases").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(stats.path("acknowledged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("openCases").asInt()).isEqualTo(stats.path("cases").asInt());
        assertThat(stats.path("maxTimeToAcknowledge").path("seconds").asLong()).isBetween(590L, 900L);
        assertThat(stats.path("medianTimeToAcknowledge").path("text").asText()).matches("\\d+ min");
        JsonNode all = api().json(api().send("agent", HttpMethod.GET, "/api/vendors/stats", null));
        assertThat(StreamSupport.stream(all.spliterator(), false).map(s -> s.path("vendor").asText())).contains(vendor);
        assertThat(api().send("agent", HttpMethod.GET, "/api/vendors/Not_An_Id/stats", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private JsonNode parkedMessage(String text) {
        JsonNode parked = api().json(api().send("commander", HttpMethod.GET, "/api/vendor-messages?state=PARKED", null));
        return StreamSupport.stream(parked.spliterator(), false)
                .filter(m -> text.equals(m.path("text").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no parked message '" + text + "' in " + parked));
    }
}
