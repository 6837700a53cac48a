package org.blackstart.plugins.twilio;

import org.blackstart.testkit.twilio.TwilioApiSimulation;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.bridge.BridgeSettings;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.TaskRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * page.phone and page.sms in a real engine with the real bridge, against the simulated Twilio API.
 * One engine for the class (it takes seconds to build); every test uses its own incident.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwilioPageRoutesTest {

    private static final String PUBLIC = "https://blackstart.example.com";

    private final TwilioApiSimulation twilio = TwilioApiSimulation.start();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private BridgeHarness harness;
    private TwilioApi api;

    private TwilioProperties properties;

    @BeforeAll
    void start() {
        properties = SimulatedTwilio.properties(twilio, PUBLIC, TwilioApiSimulation.AUTH_TOKEN, List.of());
        api = new TwilioApi(properties);
        // Two retries a moment apart: enough to see a rate-limited page go through on the retry.
        harness = new BridgeHarness(new BridgeSettings(BridgeHarness.WORKER_ID, Duration.ofSeconds(30),
                Duration.ofMillis(20), 10, 2, List.of(Duration.ofMillis(200))))
                .start(new TwilioPageRoutes(new PageDeliveries(ledger, properties, api)));
    }

    @BeforeEach
    void clean() {
        twilio.reset();
        ledger.clear();
    }

    @AfterAll
    void stop() {
        harness.close();
        twilio.close();
    }

    private static Map<String, Object> page(String phone) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PageRequest.Variables.STEP, "L1-R1-A1");
        variables.put(PageRequest.Variables.RECIPIENT, "ann");
        variables.put(PageRequest.Variables.NAME, "Ann de Vries");
        variables.put(PageRequest.Variables.PHONE, phone);
        variables.put(PageRequest.Variables.ACK_CODE, "482913");
        variables.put(PageRequest.Variables.TITLE, "Rack A3 lost power");
        variables.put(PageRequest.Variables.SEVERITY, "SEV1");
        return variables;
    }

    @Test
    void aPhonePagePlacesOneCallThatSpeaksTheIncidentAndGathersOneKey() {

        TaskRun run = harness.run(Topics.PAGE_PHONE, "INC-2026-0042", page("+31612345678"));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        List<LoggedRequest> calls = twilio.requests(TwilioApiSimulation.CALLS);
        assertThat(calls).hasSize(1);
        LoggedRequest call = calls.get(0);
        assertThat(TwilioApiSimulation.form(call, "To")).isEqualTo("+31612345678");
        assertThat(TwilioApiSimulation.form(call, "From")).isEqualTo(TwilioApiSimulation.FROM);
        assertThat(TwilioApiSimulation.form(call, "Timeout")).isEqualTo("30");
        String callback = PUBLIC + "/api/twilio/voice/%s?incident=INC-2026-0042&step=L1-R1-A1&recipient=ann&ackCode=482913";
        assertThat(TwilioApiSimulation.form(call, "StatusCallback")).isEqualTo(callback.formatted("status"));
        assertThat(TwilioApiSimulation.form(call, "StatusCallbackEvent")).isEqualTo("completed");
        String twiml = TwilioApiSimulation.form(call, "Twiml");
        assertThat(twiml)
                .contains("<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"8\" method=\"POST\" action=\""
                        + callback.formatted("gather").replace("&", "&amp;") + "\">")
                .contains("<Say voice=\"Polly.Amy\" language=\"en-GB\">Hello Ann de Vries. This is Blackstart paging you. "
                        + "Severity 1 incident I N C, 2 0 2 6, 0 0 4 2: Rack A3 lost power. Press 1 to acknowledge.</Say>")
                .contains("Once more. Severity 1 incident")
                .endsWith("Goodbye.</Say><Hangup/></Response>");
        assertThat(twiml.split("<Gather ", -1)).hasSize(3);

        String callSid = (String) run.variables().get(PageDeliveries.RESULT_CALL_SID);
        assertThat(callSid).matches("CA[0-9A-Fa-f]{32}");
        assertThat(run.variables()).containsEntry(PageDeliveries.RESULT_DELIVERY, "sent");
        DeliveryKey key = new DeliveryKey("INC-2026-0042", "L1-R1-A1", "phone", "ann");
        assertThat(ledger.entry(key).state()).isEqualTo(InMemoryDeliveryLedger.State.SENT);
        assertThat(ledger.entry(key).remoteReference()).isEqualTo(callSid);
    }

    @Test
    void aRetriedStepThatWasCalledBeforeDoesNotRingAgain() {
        DeliveryKey key = new DeliveryKey("INC-2026-0042", "L1-R1-A1", "phone", "ann");
        ledger.claim(key, Duration.ofMinutes(1));
        ledger.markSent(key, "CAearlier");

        TaskRun run = harness.run(Topics.PAGE_PHONE, "INC-2026-0042", page("+31612345678"));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(run.variables()).containsEntry(PageDeliveries.RESULT_DELIVERY, "already-sent");
        assertThat(twilio.requests(TwilioApiSimulation.CALLS)).isEmpty();
    }

    @Test
    void theSameStepTwiceRingsOnce() {

        harness.run(Topics.PAGE_PHONE, "INC-2026-0042", page("+31612345678"));
        harness.run(Topics.PAGE_PHONE, "INC-2026-0042", page("+31612345678"));

        assertThat(twilio.requests(TwilioApiSimulation.CALLS)).hasSize(1);
    }

    @Test
    void aNumberTwilioCallsInvalidEndsThePageWithPageUndeliverable() {

        TaskRun run = harness.run(Topics.PAGE_PHONE, "INC-2026-0042", page(TwilioApiSimulation.INVALID_NUMBER));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(PageDeliveries.PAGE_UNDELIVERABLE);
        assertThat(twilio.requests(TwilioApiSimulation.CALLS)).hasSize(1);
        assertThat(ledger.entry(new DeliveryKey("INC-2026-0042", "L1-R1-A1", "phone", "ann")).state())
                .isEqualTo(InMemoryDeliveryLedger.State.RELEASED);
        // The API works; a bad number says nothing about Twilio's health.
        assertThat(new TwilioPlugin(properties, api).health().status())
                .isEqualTo(PluginHealth.Status.UP);
    }

    @Test
    void aNumberThatIsNotE164IsUndeliverableWithoutAskingTwilio() {

        TaskRun run = harness.run(Topics.PAGE_PHONE, "INC-2026-0042", page("06 1234 5678"));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(PageDeliveries.PAGE_UNDELIVERABLE);
        assertThat(twilio.requests(TwilioApiSimulation.CALLS)).isEmpty();
    }

    @Test
    void aRateLimitedPageIsRetriedAndThenCalled() {
        twilio.rateLimitNext(1);

        TaskRun run = harness.run(Topics.PAGE_PHONE, "INC-2026-0042", page("+31612345678"));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(twilio.requests(TwilioApiSimulation.CALLS)).hasSize(2);
        assertThat(twilio.accepted(TwilioApiSimulation.CALLS)).hasSize(1);
        assertThat(ledger.sent()).hasSize(1);
    }

    @Test
    void aWrongAuthTokenBecomesACockpitIncidentThatNamesTheErrorButNotTheToken() {
        twilio.revokeToken();

        TaskRun run = harness.run(Topics.PAGE_PHONE, "INC-2026-0042", page("+31612345678"));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("HTTP 401").contains("20003").doesNotContain(TwilioApiSimulation.AUTH_TOKEN);
        assertThat(twilio.accepted(TwilioApiSimulation.CALLS)).isEmpty();
        assertThat(ledger.sent()).isEmpty();
        PluginHealth health = new TwilioPlugin(properties, api).health();
        assertThat(health.status()).isEqualTo(PluginHealth.Status.DOWN);
        assertThat(health.detail()).contains("20003").doesNotContain(TwilioApiSimulation.AUTH_TOKEN);
    }

    @Test
    void aCallWithoutAnAcknowledgementCodeOnlyTellsAndAsksForNoKey() {
        Map<String, Object> announcement = page("+31612345678");
        announcement.remove(PageRequest.Variables.ACK_CODE);
        announcement.put(PageRequest.Variables.STEP, "vendor-duty-storeco");
        announcement.put(PageRequest.Variables.TITLE, "StoreCo missed its response time");

        TaskRun run = harness.run(Topics.PAGE_PHONE, "INC-2026-0043", announcement);

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        List<LoggedRequest> calls = twilio.requests(TwilioApiSimulation.CALLS);
        assertThat(calls).hasSize(1);
        String twiml = TwilioApiSimulation.form(calls.get(0), "Twiml");
        assertThat(twiml).contains("Hello Ann de Vries. This is Blackstart.", "StoreCo missed its response time")
                .doesNotContain("<Gather").doesNotContain("Press 1");
        assertThat(TwilioApiSimulation.form(calls.get(0), "StatusCallback")).isNull();
    }

    @Test
    void anSmsPageTextsTheHeadlineAndTheCode() {

        TaskRun run = harness.run(Topics.PAGE_SMS, "INC-2026-0042", page("+31612345678"));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        List<LoggedRequest> messages = twilio.requests(TwilioApiSimulation.MESSAGES);
        assertThat(messages).hasSize(1);
        assertThat(TwilioApiSimulation.form(messages.get(0), "To")).isEqualTo("+31612345678");
        assertThat(TwilioApiSimulation.form(messages.get(0), "From")).isEqualTo(TwilioApiSimulation.FROM);
        assertThat(TwilioApiSimulation.form(messages.get(0), "Body"))
                .isEqualTo("[SEV1] INC-2026-0042: Rack A3 lost power. Reply ACK 482913 to acknowledge.");
        assertThat((String) run.variables().get(PageDeliveries.RESULT_MESSAGE_SID)).matches("SM[0-9A-Fa-f]{32}");
        assertThat(ledger.entry(new DeliveryKey("INC-2026-0042", "L1-R1-A1", "sms", "ann")).state())
                .isEqualTo(InMemoryDeliveryLedger.State.SENT);
    }

    @Test
    void anSmsPageWithALongTitleStaysInOneSegment() {
        Map<String, Object> variables = page("+31612345678");
        variables.put(PageRequest.Variables.TITLE, "Mail storage in AMS-2 rejects writes after the vendor's firmware "
                + "patch failed under lunchtime load; the vendor's support restarted the whole cluster");

        harness.run(Topics.PAGE_SMS, "INC-2026-0042", variables);

        String body = TwilioApiSimulation.form(twilio.requests(TwilioApiSimulation.MESSAGES).get(0), "Body");
        assertThat(SmsText.length(body, true)).isLessThanOrEqualTo(160);
        assertThat(body).contains("...").endsWith("Reply ACK 482913 to acknowledge.");
    }
}
