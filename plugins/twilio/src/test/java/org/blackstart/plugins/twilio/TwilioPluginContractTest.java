package org.blackstart.plugins.twilio;

import org.blackstart.testkit.twilio.TwilioApiSimulation;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.PluginContractTest;
import org.junit.jupiter.api.AfterEach;

/** The Twilio plugin against a real engine, the real bridge and the simulated Twilio API. */
class TwilioPluginContractTest extends PluginContractTest {

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
        return Topics.PAGE_PHONE;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return Map.of(
                PageRequest.Variables.STEP, "L1-R1-A1",
                PageRequest.Variables.RECIPIENT, "ann",
                PageRequest.Variables.PHONE, "+31612345678",
                PageRequest.Variables.ACK_CODE, "482913",
                PageRequest.Variables.TITLE, "Rack A3 lost power");
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 1;
    }

    @Override
    protected int deliveriesReceived() {
        return twilio.accepted(TwilioApiSimulation.CALLS).size();
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
