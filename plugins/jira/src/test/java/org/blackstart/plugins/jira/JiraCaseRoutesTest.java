package org.blackstart.plugins.jira;

import org.blackstart.spi.AccountHealth;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.Topics;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code vendor.case.*} for vendors on Jira, through the real bridge against the simulated site. */
class JiraCaseRoutesTest {

    private static final String INCIDENT = "INC-2026-0042";

    private final JiraServiceDeskSimulation jira = JiraServiceDeskSimulation.start();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryCaseEvidence evidence = new InMemoryCaseEvidence();
    private final AccountHealth health = SimulatedJira.health();
    private BridgeHarness harness;

    private BridgeHarness harness(JiraProperties properties) {
        harness = new BridgeHarness().start(new RoutesBuilder[] {SimulatedJira.routes(properties, health, ledger, evidence)});
        return harness;
    }

    private BridgeHarness harness() {
        return harness(SimulatedJira.properties(jira));
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        jira.close();
    }

    @Test
    void opensARequestWithTheEvidenceAndTheCommandersLogFile() {
        TaskRun run = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(run.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "SUP-1")
                .containsEntry(VendorCase.Results.CASE_ID, "10001")
                .containsEntry(VendorCase.Results.ALREADY_SENT, false);
        assertThat(run.variables().get(VendorCase.Results.CASE_URL).toString()).endsWith("/servicedesk/customer/portal/7/SUP-1");
        JiraServiceDeskSimulation.Issue issue = jira.issue("SUP-1");
        assertThat(issue.summary()).startsWith("INC-2026-0042: array A latency above 2 s after firmware 4.2.1 [bs-");
        assertThat(issue.description()).startsWith("Since 09:12 array A answers in more than 2 s")
                .contains("Incident summary", "INC-2026-0042 [SEV1] Storage array A latency above 2 s",
                        "- 09:20 firmware 4.2.1 patch applied at 08:00 suspected",
                        "- storage/array-a latency-critical (firing since 09:12)", "Attached: array-a-controller.log");
        assertThat(issue.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("array-a-controller.log");
            assertThat(new String(file.content(), StandardCharsets.UTF_8)).contains("cache flush stalled");
        });
        assertThat(jira.requests("POST", "/rest/servicedeskapi/servicedesk/7/attachTemporaryFile").get(0)
                .getHeader("X-Atlassian-Token")).isEqualTo("no-check");
        DeliveryKey key = new DeliveryKey(INCIDENT, "open", "vendor-case:jira", "storeco");
        assertThat(ledger.entry(key).remoteReference()).isEqualTo("SUP-1");
    }

    @Test
    void theSameStepAgainOpensNoSecondRequestAndCompletesWithTheFirst() {
        harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        TaskRun again = harness.run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(again.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(again.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "SUP-1")
                .containsEntry(VendorCase.Results.CASE_ID, "10001").containsEntry(VendorCase.Results.ALREADY_SENT, true);
        assertThat(jira.issues()).hasSize(1);
    }

    @Test
    void aCrashBetweenJirasAnswerAndTheLedgerFindsTheRequestInsteadOfOpeningASecond() {
        harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());
        // The worker died after Jira's 201: the ledger knows nothing of the request.
        ledger.clear();

        TaskRun retry = harness.run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(retry.outcome()).as(retry.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(retry.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "SUP-1")
                .containsEntry(VendorCase.Results.ALREADY_SENT, true);
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.issue("SUP-1").attachments()).hasSize(1);
    }

    @Test
    void aFailedUploadAfterTheRequestWasCreatedIsRetriedOnTheSameRequest() {
        jira.failNextUpload();

        TaskRun failed = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(failed.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(failed.incidentMessage()).contains("storeco", "503");
        assertThat(jira.issue("SUP-1").attachments()).isEmpty();
        assertThat(ledger.sent()).isEmpty();

        TaskRun retried = harness.retryFromCockpit(harness.lastProcessInstanceId());

        assertThat(retried.outcome()).as(retried.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(retried.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "SUP-1");
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.issue("SUP-1").attachments()).extracting(JiraServiceDeskSimulation.Attachment::fileName)
                .containsExactly("array-a-controller.log");
    }

    @Test
    void requestsAreRaisedOnBehalfOfTheConfiguredCustomer() {
        JiraProperties.Account base = SimulatedJira.account(jira, JiraServiceDeskSimulation.API_TOKEN);
        JiraProperties.Account onBehalf = new JiraProperties.Account(base.baseUrl(), base.email(), base.apiToken(), null,
                base.serviceDeskId(), base.requestTypeId(), Map.of("P1", "Highest"), "qm:5abcf7d0:ops-team",
                base.ownAccountId(), base.webhookSecret(), null, null, null, null, null, null);

        harness(SimulatedJira.properties(onBehalf)).run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(jira.issue("SUP-1").raisedOnBehalfOf()).isEqualTo("qm:5abcf7d0:ops-team");
    }

    @Test
    void anotherIncidentsEscalationOpensItsOwnRequest() {
        harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        TaskRun other = harness.run(Topics.VENDOR_CASE_OPEN, "INC-2026-0043", SimulatedJira.open());

        assertThat(other.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "SUP-2");
        assertThat(jira.issues()).hasSize(2);
    }

    @Test
    void anAnswerIsOnePublicCommentWhateverTheRetries() {
        harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());
        Map<String, Object> answer = SimulatedJira.step("answer-17", "SUP-1", 1, "",
                "Controller logs of both heads are attached; firmware 4.2.1 went on at 08:00.");
        evidence.put("answer-17", new EvidenceBundle("", List.of(), List.of(),
                List.of(new VendorAttachment("ctrl1.log", "text/plain", "ctrl1 ok".getBytes(StandardCharsets.UTF_8)))));

        TaskRun first = harness.run(Topics.VENDOR_CASE_UPDATE, INCIDENT, answer);
        TaskRun again = harness.run(Topics.VENDOR_CASE_UPDATE, INCIDENT, answer);
        ledger.clear();
        TaskRun afterCrash = harness.run(Topics.VENDOR_CASE_UPDATE, INCIDENT, answer);

        assertThat(first.outcome()).as(first.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(first.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, false);
        assertThat(again.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, true);
        assertThat(afterCrash.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, true);
        assertThat(jira.issue("SUP-1").comments()).singleElement().satisfies(comment -> {
            assertThat(comment.body()).startsWith("Controller logs of both heads are attached").contains("(ref bs-");
            assertThat(comment.isPublic()).isTrue();
        });
        assertThat(jira.issue("SUP-1").attachments()).extracting(JiraServiceDeskSimulation.Attachment::fileName)
                .containsExactly("array-a-controller.log", "ctrl1.log");
    }

    @Test
    void raisingThePrioritySetsTheSitesHighestPriorityAndSaysWhy() {
        harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        TaskRun run = harness.run(Topics.VENDOR_CASE_UPDATE, INCIDENT, SimulatedJira.step("priority-1", "SUP-1", 1, "",
                "No acknowledgement within PT30M; priority raised to P1"));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(jira.issue("SUP-1").priority()).isEqualTo("Highest");
        assertThat(jira.issue("SUP-1").comments()).singleElement()
                .satisfies(c -> assertThat(c.body()).startsWith("No acknowledgement within PT30M; priority raised to P1"));
    }

    @Test
    void closingLooksUpTheResolveTransitionAndTakesIt() {
        harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        TaskRun run = harness.run(Topics.VENDOR_CASE_CLOSE, INCIDENT, SimulatedJira.step("close", "SUP-1", 1, "", ""));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(jira.issue("SUP-1").status()).isEqualTo("Resolved");
        assertThat(jira.issue("SUP-1").comments()).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("INC-2026-0042 is closed on our side"));
        assertThat(jira.calls()).contains("GET /rest/api/3/issue/SUP-1/transitions", "POST /rest/api/3/issue/SUP-1/transitions");
    }

    @Test
    void closingARequestTheVendorAlreadyResolvedChangesNothing() {
        harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());
        jira.vendorMoves("SUP-1", "Resolved");

        TaskRun run = harness.run(Topics.VENDOR_CASE_CLOSE, INCIDENT, SimulatedJira.step("close", "SUP-1", 1, "", ""));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(run.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, true);
        assertThat(jira.requests("POST", "/rest/api/3/issue/SUP-1/transitions")).isEmpty();
        assertThat(jira.issue("SUP-1").comments()).isEmpty();
    }

    @Test
    void aWorkflowWithoutACloseTransitionIsAnIncidentThatSaysWhatItOffers() {
        harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());
        jira.workflow(Map.of("Mark as done", "Done", "Start progress", "In Progress"));

        TaskRun run = harness.run(Topics.VENDOR_CASE_CLOSE, INCIDENT, SimulatedJira.step("close", "SUP-1", 1, "", ""));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("storeco", "Resolve or Close", "Mark as done",
                "blackstart.plugins.jira.accounts.storeco.close-transition");
        assertThat(jira.issue("SUP-1").status()).isEqualTo("Waiting for support");
    }

    @Test
    void aRequestTheSiteDoesNotKnowRefusesTheCase() {
        TaskRun run = harness().run(Topics.VENDOR_CASE_UPDATE, INCIDENT,
                SimulatedJira.step("answer-3", "SUP-999", 2, "", "Logs attached."));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(VendorCase.CASE_REFUSED);
    }

    @Test
    void aVendorWithoutAJiraAccountIsRefusedBeforeAnyCall() {
        Map<String, Object> open = SimulatedJira.open();
        open.put(VendorCase.Variables.ACCOUNT, "hostly");

        TaskRun run = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, open);

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(VendorCase.CASE_REFUSED);
        assertThat(jira.calls()).isEmpty();
    }

    @Test
    void aRefusedApiTokenIsAnIncidentThatDoesNotShowTheToken() {
        String wrong = "ATATT3xFfGF0-revoked-token-abcdefghijkl";

        TaskRun run = harness(SimulatedJira.properties(SimulatedJira.account(jira, wrong)))
                .run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("storeco", "401", "api-token").doesNotContain(wrong);
        assertThat(ledger.sent()).isEmpty();
        assertThat(new JiraPlugin(SimulatedJira.properties(jira), health).health().detail()).contains("401");
    }

    @Test
    void aBearerTokenIsAcceptedInsteadOfEmailAndApiToken() {
        JiraProperties.Account basic = SimulatedJira.account(jira, null);
        JiraProperties.Account bearer = new JiraProperties.Account(basic.baseUrl(), null, null,
                JiraServiceDeskSimulation.BEARER_TOKEN, basic.serviceDeskId(), basic.requestTypeId(), Map.of(), null, null,
                basic.webhookSecret(), null, null, null, null, null, null);

        TaskRun run = harness(SimulatedJira.properties(bearer)).run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(jira.requests("POST", "/rest/servicedeskapi/request").get(0).getHeader("Authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void anAnswerWithoutTheIssueKeyIsAnIncidentNamingTheFieldAndTheCockpitRetryOpensTheCase() {
        jira.answerCreateWithoutKeyOnce();

        TaskRun failed = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(failed.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(failed.incidentMessage()).contains("Jira account 'storeco'", "no issueKey");
        assertThat(ledger.sent()).isEmpty();

        TaskRun retried = harness.retryFromCockpit(harness.lastProcessInstanceId());

        assertThat(retried.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(retried.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "SUP-1");
    }

    @Test
    void aRateLimitWaitsWithoutUsingUpARetryAndThenOpens() {
        jira.rateLimitNext();

        // No retries at all: a 429 that used one up would open an incident.
        TaskRun run = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedJira.open());

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(jira.issues()).hasSize(1);
    }
}
