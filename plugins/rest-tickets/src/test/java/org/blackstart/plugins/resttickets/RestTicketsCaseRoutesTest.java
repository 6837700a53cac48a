package org.blackstart.plugins.resttickets;

import org.blackstart.spi.AccountHealth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.Topics;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.resttickets.VendorPortalSimulation;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code vendor.case.*} for vendors with their own REST portal, through the real bridge against the simulated portal. */
class RestTicketsCaseRoutesTest {

    private static final String INCIDENT = "INC-2026-0042";

    private final VendorPortalSimulation portal = VendorPortalSimulation.start();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryCaseEvidence evidence = new InMemoryCaseEvidence();
    private final AccountHealth health = SimulatedPortal.health();
    private BridgeHarness harness;

    private BridgeHarness harness(RestTicketsProperties properties) {
        harness = new BridgeHarness().start(new RoutesBuilder[] {SimulatedPortal.routes(properties, health, ledger, evidence)});
        return harness;
    }

    private BridgeHarness harness() {
        return harness(SimulatedPortal.properties(portal));
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        portal.close();
    }

    private TaskRun opened() {
        TaskRun run = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedPortal.open());
        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        return run;
    }

    private Map<String, Object> onCase(String step, int priority, String text) {
        return SimulatedPortal.step(step, "VP-1001", "c5f2c01", priority, "", text);
    }

    @Test
    void opensACaseFromTheTemplateWithEscapedTextsAndMapsTheAnswer() {
        TaskRun run = opened();

        assertThat(run.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "VP-1001")
                .containsEntry(VendorCase.Results.CASE_ID, "c5f2c01")
                .containsEntry(VendorCase.Results.CASE_URL, portal.baseUrl() + "/portal/cases/VP-1001")
                .containsEntry(VendorCase.Results.ALREADY_SENT, false);
        JsonNode sent = portal.byNumber("VP-1001").opened();
        assertThat(sent.path("title").asText()).isEqualTo("INC-2026-0042: rack B7 lost \"A\" feed power");
        assertThat(sent.path("body").asText()).startsWith("Rack B7 lost power on feed A at 23:45;\nthe session service")
                .contains("Incident summary", "- storage/array-a latency-critical (firing since 09:12)");
        assertThat(sent.path("severity").asText()).isEqualTo("P2");
        assertThat(sent.path("customerReference").asText()).isEqualTo(INCIDENT);
        assertThat(sent.path("requestedBy").asText()).isEqualTo("hostly");
        assertThat(new String(portal.byNumber("VP-1001").files().get("array-a-controller.log"), StandardCharsets.UTF_8))
                .contains("cache flush stalled");
        DeliveryKey key = new DeliveryKey(INCIDENT, "open", "vendor-case:rest", "hostly");
        assertThat(portal.requests("POST", "/api/cases").get(0).getHeader("Idempotency-Key")).isEqualTo(key.id());
        assertThat(ledger.entry(key).remoteReference()).isEqualTo("VP-1001 (id c5f2c01)");
    }

    @Test
    void theSameStepAgainOpensNoSecondCaseAndCompletesWithTheFirstNumberAndId() {
        opened();

        TaskRun again = harness.run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedPortal.open());

        assertThat(again.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "VP-1001")
                .containsEntry(VendorCase.Results.CASE_ID, "c5f2c01").containsEntry(VendorCase.Results.ALREADY_SENT, true);
        assertThat(portal.cases()).hasSize(1);
    }

    @Test
    void aCrashBeforeTheLedgerMarkIsCaughtByThePortalsIdempotencyKey() {
        opened();
        ledger.clear();

        TaskRun retry = harness.run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedPortal.open());

        assertThat(retry.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, "VP-1001");
        assertThat(portal.cases()).hasSize(1);
        assertThat(portal.byNumber("VP-1001").files()).hasSize(1);
    }

    @Test
    void anAnswerIsOneCommentOnTheCasesIdWhateverTheRetries() {
        opened();
        Map<String, Object> answer = onCase("answer-5", 2, "Feed A is back; please confirm the PDU firmware.");

        TaskRun first = harness.run(Topics.VENDOR_CASE_UPDATE, INCIDENT, answer);
        TaskRun again = harness.run(Topics.VENDOR_CASE_UPDATE, INCIDENT, answer);

        assertThat(first.outcome()).as(first.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(again.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, true);
        assertThat(portal.byNumber("VP-1001").comments()).singleElement().satisfies(comment -> {
            assertThat(comment.path("text").asText()).isEqualTo("Feed A is back; please confirm the PDU firmware.");
            assertThat(comment.path("priority").asInt()).isEqualTo(2);
        });
    }

    @Test
    void raisingThePriorityTellsThePortalPriorityOne() {
        opened();

        harness.run(Topics.VENDOR_CASE_UPDATE, INCIDENT, onCase("priority-1", 1,
                "No acknowledgement within PT2H; priority raised to P1"));

        assertThat(portal.byNumber("VP-1001").comments()).singleElement()
                .satisfies(comment -> assertThat(comment.path("priority").asInt()).isEqualTo(1));
    }

    @Test
    void closingCallsTheConfiguredCloseWithItsBody() {
        opened();

        TaskRun run = harness.run(Topics.VENDOR_CASE_CLOSE, INCIDENT, onCase("close", 2, ""));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(portal.byNumber("VP-1001").closed().path("reason").asText()).isEqualTo("Incident INC-2026-0042 closed");
    }

    @Test
    void withoutACloseCallClosingTheIncidentLeavesTheVendorsCaseAlone() {
        harness(SimulatedPortal.properties(SimulatedPortal.account(portal, VendorPortalSimulation.TOKEN, false)))
                .run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedPortal.open());
        int calls = portal.callCount();

        TaskRun run = harness.run(Topics.VENDOR_CASE_CLOSE, INCIDENT, onCase("close", 2, ""));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(portal.callCount()).isEqualTo(calls);
        assertThat(portal.byNumber("VP-1001").closed()).isNull();
    }

    @Test
    void aCaseThePortalDoesNotKnowRefusesTheStep() {
        opened();

        TaskRun run = harness.run(Topics.VENDOR_CASE_UPDATE, INCIDENT,
                SimulatedPortal.step("answer-9", "VP-9999", "cdeadbeef", 2, "", "Any news?"));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(VendorCase.CASE_REFUSED);
    }

    @Test
    void aVendorWithoutAPortalAccountIsRefusedBeforeAnyCall() {
        Map<String, Object> open = SimulatedPortal.open();
        open.put(VendorCase.Variables.ACCOUNT, "storeco");

        TaskRun run = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, open);

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(VendorCase.CASE_REFUSED);
        assertThat(portal.callCount()).isZero();
    }

    @Test
    void aRefusedTokenIsAnIncidentThatDoesNotShowTheToken() {
        String wrong = "vp_live_revoked_0000000000000000000000";

        TaskRun run = harness(SimulatedPortal.properties(SimulatedPortal.account(portal, wrong, true)))
                .run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedPortal.open());

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("hostly", "401", "blackstart.plugins.rest-tickets.accounts.hostly.auth")
                .doesNotContain(wrong);
        assertThat(new RestTicketsPlugin(SimulatedPortal.properties(portal), health).health().detail()).contains("401");
    }

    @Test
    void anAnswerWithoutTheCaseNumberIsAnIncidentNamingThePointer() {
        portal.answerOpenWithoutNumberOnce();

        TaskRun run = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedPortal.open());

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("vendor portal account 'hostly'", "/data/caseNumber", "open.case-number");
        assertThat(ledger.sent()).isEmpty();
    }

    @Test
    void aRateLimitWaitsWithoutUsingUpARetryAndThenOpens() {
        portal.rateLimitNext();

        TaskRun run = harness().run(Topics.VENDOR_CASE_OPEN, INCIDENT, SimulatedPortal.open());

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(portal.cases()).hasSize(1);
    }
}
