package org.blackstart.plugins.x;

import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.InMemoryPluginState;
import org.blackstart.testkit.PluginContractTest;
import org.blackstart.testkit.x.XApiSimulation;
import org.junit.jupiter.api.AfterEach;

/** The X plugin against a real engine, the real bridge and the simulated X API. */
class XPluginContractTest extends PluginContractTest {

    private final XApiSimulation x = XApiSimulation.start();
    private final XProperties properties = SimulatedX.oauth2(x);
    private final XApi api = SimulatedX.api(properties, new InMemoryPluginState());

    @Override
    protected BlackstartPlugin plugin() {
        return new XPlugin(properties, api);
    }

    @Override
    protected List<RoutesBuilder> routes(DeliveryLedger ledger) {
        return List.of(SimulatedX.routes(properties, api, ledger));
    }

    @Override
    protected String topic() {
        return Topics.NOTICE_X;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return Map.of(CustomerNotice.Variables.STEP, "initial",
                CustomerNotice.Variables.post("x"), "Mail is delayed. Updates: https://status.hosting.example");
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 1;
    }

    @Override
    protected int deliveriesReceived() {
        return x.published().size();
    }

    @Override
    protected void breakRemoteSide() {
        x.breakDown();
    }

    @Override
    protected void repairRemoteSide() {
        x.recover();
    }

    @AfterEach
    void stopX() {
        x.close();
    }
}
