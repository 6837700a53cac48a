package org.blackstart.plugins.twilio;

import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.PluginContractTest;
import org.blackstart.testkit.twilio.TwilioApiSimulation;
import org.junit.jupiter.api.AfterEach;

/** {@code notice.sms} of the Twilio plugin against a real engine, the real bridge and the simulated API. */
class TwilioNoticeSmsContractTest extends PluginContractTest {

    private final TwilioApiSimulation twilio = TwilioApiSimulation.start();
    private final TwilioProperties properties = SimulatedTwilio.properties(twilio, "https://blackstart.example.com",
            TwilioApiSimulation.AUTH_TOKEN, List.of());
    private final TwilioApi api = new TwilioApi(properties);

    @Override
    protected BlackstartPlugin plugin() {
        return new TwilioPlugin(properties, api);
    }

    @Override
    protected List<RoutesBuilder> routes(DeliveryLedger ledger) {
        return List.of(new TwilioPageRoutes(new PageDeliveries(ledger, properties, api)),
                new TwilioNoticeRoutes(new SmsNotices(ledger, audience, properties, api)));
    }

    @Override
    protected String topic() {
        return Topics.NOTICE_SMS;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return Map.of(CustomerNotice.Variables.STEP, "initial",
                CustomerNotice.Variables.text("en", CustomerNotice.TextPart.SMS), "Mail is delayed. https://status.hosting.example");
    }

    @Override
    protected List<NoticeRecipient> typicalAudience() {
        return List.of(NoticeRecipient.of("+31612345678"), NoticeRecipient.of("+31612345679"));
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 2;
    }

    @Override
    protected int deliveriesReceived() {
        return twilio.accepted(TwilioApiSimulation.MESSAGES).size();
    }

    @Override
    protected void breakRemoteSide() {
        twilio.breakDown();
    }

    @Override
    protected void repairRemoteSide() {
        twilio.recover();
    }

    @AfterEach
    void stopTwilio() {
        twilio.recover();
        twilio.close();
    }
}
