package org.blackstart.plugins.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.bridge.BridgeSettings;
import org.blackstart.spi.ChannelUnavailable;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.InMemoryNoticeAudience;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.twilio.TwilioApiSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code notice.sms} through the real bridge against the simulated Twilio Messages API. */
class TwilioNoticeSmsTest {

    private static final String INCIDENT = "INC-2026-0042";
    private static final String EN = "Hosting: incoming mail is delayed since 09:10. Updates: https://status.hosting.example";
    /** Over 160 GSM-7 characters: two segments, joined by the phone into one message. */
    private static final String NL = "Hosting: inkomende e-mail is vertraagd sinds 09:10. Wij werken aan een oplossing en "
            + "melden ons zodra de vertraging voorbij is. Meer informatie: https://status.hosting.example";

    private final TwilioApiSimulation twilio = TwilioApiSimulation.start();
    private final TwilioProperties properties = SimulatedTwilio.properties(twilio, "https://blackstart.example.com",
            TwilioApiSimulation.AUTH_TOKEN, List.of());
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryNoticeAudience audience = new InMemoryNoticeAudience();
    private BridgeHarness harness;

    private BridgeHarness harness(BridgeSettings settings) {
        TwilioApi api = new TwilioApi(properties);
        harness = (settings == null ? new BridgeHarness() : new BridgeHarness(settings))
                .start(new RoutesBuilder[] {new TwilioNoticeRoutes(new SmsNotices(ledger, audience, properties, api))});
        return harness;
    }

    private static Map<String, Object> notice() {
        return Map.of(CustomerNotice.Variables.STEP, "initial",
                CustomerNotice.Variables.text("en", CustomerNotice.TextPart.SMS), EN,
                CustomerNotice.Variables.text("nl", CustomerNotice.TextPart.SMS), NL);
    }

    private static NoticeRecipient person(String phone, String language) {
        return new NoticeRecipient(phone, language, null, null, null);
    }

    private Map<String, String> textsByNumber() {
        Map<String, String> texts = new java.util.HashMap<>();
        twilio.accepted(TwilioApiSimulation.MESSAGES).forEach(r ->
                texts.put(TwilioApiSimulation.form(r, "To"), TwilioApiSimulation.form(r, "Body")));
        return texts;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        twilio.close();
    }

    @Test
    void textsEachRecipientInTheirLanguageWholeAndReportsTheSegments() {
        audience.add(INCIDENT, "initial", "sms", person("+31612345678", "nl-NL"), person("+31612345679", "en"),
                person("+4915112345678", "de"));

        assertThat(org.blackstart.spi.text.SmsText.of(NL).segments()).isEqualTo(2);
        assertThat(org.blackstart.spi.text.SmsText.of(EN).segments()).isEqualTo(1);

        TaskRun run = harness(null).run(Topics.NOTICE_SMS, INCIDENT, notice());

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        // Dutch in two segments, sent as one message; German has no text and reads the notice language.
        assertThat(textsByNumber()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "+31612345678", NL, "+31612345679", EN, "+4915112345678", EN));
        assertThat(twilio.requests(TwilioApiSimulation.MESSAGES)).hasSize(3);
        assertThat(run.variables()).containsEntry(CustomerNotice.Results.SENT, 3)
                .containsEntry(CustomerNotice.Results.ALREADY_SENT, 0)
                .containsEntry(SmsNotices.RESULT_SEGMENTS, 4)
                .containsEntry(SmsNotices.RESULT_REFUSED, 0);
        assertThat(ledger.entry(new DeliveryKey(INCIDENT, "initial", "sms", "+31612345678")).remoteReference())
                .startsWith("SM");
    }

    @Test
    void refusedNumbersAreRecordedAndTheOthersStillGetTheirText() {
        audience.add(INCIDENT, "initial", "sms", person(TwilioApiSimulation.INVALID_NUMBER, "en"),
                person(TwilioApiSimulation.NOT_A_MOBILE, "en"), person("+31612345678", "en"), person("020-1234567", "nl"));

        TaskRun run = harness(null).run(Topics.NOTICE_SMS, INCIDENT, notice());

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(textsByNumber()).containsOnlyKeys("+31612345678");
        assertThat(run.variables()).containsEntry(CustomerNotice.Results.SENT, 1)
                .containsEntry(SmsNotices.RESULT_REFUSED, 3);
        for (String refused : List.of(TwilioApiSimulation.INVALID_NUMBER, TwilioApiSimulation.NOT_A_MOBILE, "020-1234567")) {
            assertThat(ledger.entry(new DeliveryKey(INCIDENT, "initial", "sms", refused)).state())
                    .isEqualTo(InMemoryDeliveryLedger.State.RELEASED);
        }
    }

    @Test
    void theSameStepAgainTextsNobodyTwice() {
        audience.add(INCIDENT, "initial", "sms", person("+31612345678", "nl"), person("+31612345679", "en"));
        harness(null).run(Topics.NOTICE_SMS, INCIDENT, notice());

        TaskRun again = harness.run(Topics.NOTICE_SMS, INCIDENT, notice());

        assertThat(again.variables()).containsEntry(CustomerNotice.Results.SENT, 0)
                .containsEntry(CustomerNotice.Results.ALREADY_SENT, 2);
        assertThat(twilio.requests(TwilioApiSimulation.MESSAGES)).hasSize(2);
    }

    @Test
    void aTwilioThatStaysDownEndsTheTaskAsChannelUnavailableAtTheConfiguredAttempt() {
        audience.add(INCIDENT, "initial", "sms", person("+31612345678", "nl"));
        twilio.breakDown();
        BridgeSettings threeRetries = new BridgeSettings(BridgeHarness.WORKER_ID, Duration.ofSeconds(30),
                Duration.ofMillis(20), 10, 3, List.of(Duration.ZERO));

        TaskRun run = harness(threeRetries).run(Topics.NOTICE_SMS, INCIDENT, notice());

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(ChannelUnavailable.ERROR_CODE);
        assertThat(twilio.requests(TwilioApiSimulation.MESSAGES)).hasSize(3);
        assertThat(ledger.sent()).isEmpty();
    }
}
