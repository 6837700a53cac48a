package org.blackstart.plugins.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.servicenow.ServiceNowSimulation;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** vendor.case.open, update and close as ServiceNow sees them, through the real bridge and engine. */
class ServiceNowCaseRoutesTest {

    private static final String INCIDENT = "INC-2026-0042";

    private final ServiceNowSimulation sn = ServiceNowSimulation.start();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryCaseEvidence evidence = new InMemoryCaseEvidence();
    private BridgeHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        sn.close();
    }

    private void start(ServiceNowProperties.Account account) {
        start(account, ledger);
    }

    private void start(ServiceNowProperties.Account account, org.blackstart.spi.DeliveryLedger usedLedger) {
        ServiceNowAccounts accounts = SimulatedServiceNow.accounts(SimulatedServiceNow.properties(account));
        harness = new BridgeHarness().start(SimulatedServiceNow.routes(accounts, usedLedger, evidence));
    }

    private ServiceNowProperties.Account basic() {
        return SimulatedServiceNow.account(sn, ServiceNowProperties.Auth.BASIC, ServiceNowSimulation.PASSWORD);
    }

    private TaskRun open() {
        return harness.run("vendor.case.open", INCIDENT,
                SimulatedServiceNow.openTask());
    }

    @Test
    void opensACaseWithTheEvidenceAndAttachesTheLogs() {
        start(basic());

        TaskRun run = open();

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sn.records()).hasSize(1);
        Map<String, String> record = sn.records().get(0);
        assertThat(record.get("number")).matches("INC\\d{7}");
        assertThat(record.get("sys_id")).matches("[0-9a-f]{32}");
        assertThat(run.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, record.get("number"))
                .containsEntry(VendorCase.Results.CASE_ID, record.get("sys_id"))
                .containsEntry(VendorCase.Results.CASE_URL,
                        sn.baseUrl() + "/nav_to.do?uri=incident.do?sys_id=" + record.get("sys_id"))
                .containsEntry(VendorCase.Results.ALREADY_SENT, false);
        assertThat(record.get("short_description")).isEqualTo("[" + INCIDENT + "] Storage array A latency above 2 s");
        assertThat(record.get("description"))
                .startsWith("Array A answers reads in over 2 s since 09:12; please investigate.")
                .contains("Incident summary", "09:14 incident declared by commander",
                        "storage/array-a latency-critical", "Attached: array-a-controller.log");
        assertThat(record).containsEntry("impact", "1").containsEntry("urgency", "1").containsEntry("priority", "1")
                .containsEntry("caller_id", "blackstart.integration")
                .containsEntry("assignment_group", "StoreCo Storage Support")
                .containsEntry("company", "Hosting Example B.V.")
                .containsEntry("correlation_id", INCIDENT + ":storeco")
                .containsEntry("correlation_display", "Blackstart");
        List<ServiceNowSimulation.Attachment> files = sn.attachments(record.get("number"));
        assertThat(files).hasSize(1);
        assertThat(files.get(0).fileName()).isEqualTo("array-a-controller.log");
        assertThat(files.get(0).contentType()).isEqualTo("text/plain");
        assertThat(new String(files.get(0).content(), StandardCharsets.UTF_8)).contains("cache flush stalled");
        assertThat(ledger.sent()).hasSize(1);
    }

    @Test
    void aRetryAfterACrashBetweenCreateAndLedgerOpensNoSecondCase() {
        AtomicBoolean crashed = new AtomicBoolean();
        InMemoryDeliveryLedger crashing = new InMemoryDeliveryLedger() {
            @Override
            public synchronized void markSent(DeliveryKey key, String remoteReference) {
                if (crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("worker died before the ledger heard of " + remoteReference);
                }
                super.markSent(key, remoteReference);
            }
        };
        start(basic(), crashing);

        TaskRun failed = open();
        assertThat(failed.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(sn.records()).hasSize(1);

        TaskRun retried = harness.retryFromCockpit(harness.lastProcessInstanceId());

        assertThat(retried.outcome()).as(retried.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sn.records()).as("cases at the vendor").hasSize(1);
        String number = sn.records().get(0).get("number");
        assertThat(sn.attachments(number)).as("the log is attached once").hasSize(1);
        assertThat(retried.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, number)
                .containsEntry(VendorCase.Results.ALREADY_SENT, true);
        assertThat(crashing.sentReference(new VendorCase(INCIDENT, "storeco", null, "servicenow", null, "open", null, null,
                1, null, null, null).deliveryKey())).contains(number);
    }

    @Test
    void theSameOpenStepRunAgainFindsTheCaseByTheLedgersReference() {
        start(basic());
        open();

        TaskRun again = open();

        assertThat(sn.records()).hasSize(1);
        assertThat(again.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, true)
                .containsEntry(VendorCase.Results.CASE_NUMBER, sn.records().get(0).get("number"));
    }

    @Test
    void anAnswerIsPostedAsACommentOnceWithItsFiles() {
        start(basic());
        open();
        Map<String, String> record = sn.records().get(0);
        evidence.put("answer-7", new EvidenceBundle("", List.of(), List.of(), List.of(
                new VendorAttachment("iostat.txt", "text/plain", "sda 99% util".getBytes(StandardCharsets.UTF_8)))));
        Map<String, Object> answer = SimulatedServiceNow.task("answer-7", record.get("number"), record.get("sys_id"), 1,
                "Firmware is 4.2.1; iostat attached.");

        TaskRun run = harness.run("vendor.case.update", INCIDENT, answer);
        harness.run("vendor.case.update", INCIDENT, answer);

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        List<Map<String, String>> comments = sn.comments(record.get("number"));
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("value")).startsWith("Firmware is 4.2.1; iostat attached.")
                .contains("Attached: iostat.txt");
        assertThat(comments.get(0).get("sys_created_by")).isEqualTo(ServiceNowSimulation.USERNAME);
        assertThat(sn.attachments(record.get("number"))).extracting(ServiceNowSimulation.Attachment::fileName)
                .containsExactly("array-a-controller.log", "iostat.txt");
    }

    @Test
    void aRetriedAnswerAfterACrashBeforeTheLedgerIsNotPostedTwice() {
        AtomicBoolean crashed = new AtomicBoolean();
        InMemoryDeliveryLedger crashing = new InMemoryDeliveryLedger() {
            @Override
            public synchronized void markSent(DeliveryKey key, String remoteReference) {
                if (key.step().startsWith("answer-") && crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("worker died before the ledger heard of " + remoteReference);
                }
                super.markSent(key, remoteReference);
            }
        };
        start(basic(), crashing);
        open();
        Map<String, String> record = sn.records().get(0);
        sn.vendorComments(record.get("number"), "Please send the firmware version.");

        TaskRun failed = harness.run("vendor.case.update", INCIDENT, SimulatedServiceNow.task("answer-3",
                record.get("number"), record.get("sys_id"), 1, "Firmware 4.2.1."));
        assertThat(failed.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        TaskRun retried = harness.retryFromCockpit(harness.lastProcessInstanceId());

        assertThat(retried.outcome()).as(retried.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sn.comments(record.get("number"))).extracting(c -> c.get("value"))
                .containsExactly("Please send the firmware version.", "Firmware 4.2.1.");
    }

    @Test
    void anAnswerFindsTheCaseByItsNumberWhenTheProcessHasNoSysId() {
        start(basic());
        open();
        String number = sn.records().get(0).get("number");

        TaskRun run = harness.run("vendor.case.update", INCIDENT,
                SimulatedServiceNow.task("answer-8", number, null, 2, "Logs are on the way."));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sn.comments(number)).extracting(c -> c.get("value")).containsExactly("Logs are on the way.");
    }

    @Test
    void raisingThePriorityChangesImpactAndUrgencyAndSaysWhy() {
        start(basic());
        harness.run("vendor.case.open", INCIDENT,
                SimulatedServiceNow.task("open", null, null, 3, "Array A is slow."));
        Map<String, String> record = sn.records().get(0);
        assertThat(record).containsEntry("impact", "2").containsEntry("urgency", "3");

        TaskRun run = harness.run("vendor.case.update", INCIDENT, SimulatedServiceNow.task("priority-1",
                record.get("number"), record.get("sys_id"), 1, "No acknowledgement within PT30M; priority raised to P1"));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        Map<String, String> raised = sn.record(record.get("number"));
        assertThat(raised).containsEntry("impact", "1").containsEntry("urgency", "1").containsEntry("priority", "1");
        assertThat(sn.comments(record.get("number"))).extracting(c -> c.get("value"))
                .containsExactly("No acknowledgement within PT30M; priority raised to P1");
    }

    @Test
    void closingResolvesTheCaseWithTheConfiguredCodeAndNotes() {
        start(basic());
        open();
        Map<String, String> record = sn.records().get(0);

        TaskRun run = harness.run("vendor.case.close", INCIDENT, SimulatedServiceNow.task("close", record.get("number"),
                record.get("sys_id"), 1, "Incident closed: array A replaced controller."));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sn.record(record.get("number"))).containsEntry("state", "6")
                .containsEntry("close_code", "Solved (Permanently)")
                .containsEntry("close_notes",
                        "Closed by Blackstart: the incident is closed.\n\nIncident closed: array A replaced controller.");
    }

    @Test
    void oauthAsksForATokenOnceAndUsesItForEveryCall() {
        start(SimulatedServiceNow.account(sn, ServiceNowProperties.Auth.OAUTH, ServiceNowSimulation.PASSWORD));

        TaskRun run = open();
        Map<String, String> record = sn.records().get(0);
        harness.run("vendor.case.update", INCIDENT, SimulatedServiceNow.task("answer-1", record.get("number"),
                record.get("sys_id"), 1, "More logs later."));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sn.tokensIssued()).isEqualTo(1);
        assertThat(sn.requests("/api/now/")).allSatisfy(request ->
                assertThat(request.getHeader("Authorization")).startsWith("Bearer "));
        assertThat(sn.comments(record.get("number"))).hasSize(1);
    }

    @Test
    void refusedCredentialsBecomeAnIncidentNamingTheAccountButNotThePassword() {
        String wrong = "wrong-password-4711";
        start(SimulatedServiceNow.account(sn, ServiceNowProperties.Auth.BASIC, wrong));

        TaskRun run = open();

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("ServiceNow account 'storeco'", "HTTP 401")
                .doesNotContain(wrong).doesNotContain(ServiceNowSimulation.PASSWORD);
        assertThat(ledger.sent()).isEmpty();
    }

    @Test
    void aCreateAnsweredWithoutACaseNumberIsAClearErrorAndNothingIsInTheLedger() {
        start(basic());
        sn.answerNextCreateWith("{\"result\": <html>Service temporarily unavailable");

        TaskRun run = open();

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("ServiceNow account 'storeco' answered the create without a case number");
        assertThat(ledger.sent()).isEmpty();
    }

    @Test
    void aCreateResultWithoutNumberIsTheSameClearError() {
        start(basic());
        sn.answerNextCreateWith("{\"result\":{\"sys_id\":\"0123456789abcdef0123456789abcdef\"}}");

        TaskRun run = open();

        assertThat(run.incidentMessage()).contains("ServiceNow account 'storeco' answered the create without a case number");
        assertThat(ledger.sent()).isEmpty();
    }

    @Test
    void aCaseThatIsGoneIsRefusedForGood() {
        start(basic());
        open();
        Map<String, String> record = sn.records().get(0);
        sn.deleteCase(record.get("number"));

        TaskRun run = harness.run("vendor.case.update", INCIDENT, SimulatedServiceNow.task("answer-2",
                record.get("number"), record.get("sys_id"), 1, "Here are the logs."));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(VendorCase.CASE_REFUSED);
    }

    @Test
    void anAccountThatIsNotConfiguredIsRefused() {
        start(basic());
        Map<String, Object> task = SimulatedServiceNow.openTask();
        task.put(VendorCase.Variables.ACCOUNT, "hostly");

        TaskRun run = harness.run("vendor.case.open", INCIDENT, task);

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(VendorCase.CASE_REFUSED);
        assertThat(sn.records()).isEmpty();
    }

    @Test
    void aRateLimitWaitsAndThenOpensTheCase() {
        start(basic());
        sn.rateLimitNext(0);

        TaskRun run = open();

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sn.records()).hasSize(1);
        assertThat(sn.requests("/api/now/table/incident").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tasksForAnotherTicketingSystemAreLeftAlone() {
        start(basic());
        Map<String, Object> task = SimulatedServiceNow.openTask();
        task.put(VendorCase.Variables.SYSTEM, "jira");
        harness.engine().getRepositoryService().createDeployment().addModelInstance("t.bpmn",
                org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("other").startEvent().serviceTask("Serve")
                        .camundaExternalTask("vendor.case.open").endEvent().done()).deploy();

        harness.engine().getRuntimeService().startProcessInstanceByKey("other", INCIDENT, task);

        org.awaitility.Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> sn.records().isEmpty());
        assertThat(harness.engine().getExternalTaskService().createExternalTaskQuery().locked().count()).isZero();
    }
}
