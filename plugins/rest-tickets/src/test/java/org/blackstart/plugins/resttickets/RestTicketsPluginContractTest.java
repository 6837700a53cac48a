package org.blackstart.plugins.resttickets;

import org.blackstart.spi.AccountHealth;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.PluginContractTest;
import org.blackstart.testkit.resttickets.VendorPortalSimulation;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.junit.jupiter.api.AfterEach;

/** The generic REST plugin against a real engine, the real bridge and the simulated vendor portal. */
class RestTicketsPluginContractTest extends PluginContractTest {

    private final VendorPortalSimulation portal = VendorPortalSimulation.start();
    private final RestTicketsProperties properties = SimulatedPortal.properties(portal);
    private final AccountHealth health = SimulatedPortal.health();

    @Override
    protected BlackstartPlugin plugin() {
        return new RestTicketsPlugin(properties, health);
    }

    @Override
    protected List<RoutesBuilder> routes(DeliveryLedger ledger) {
        return List.of(SimulatedPortal.routes(properties, health, ledger, new InMemoryCaseEvidence()));
    }

    @Override
    protected String topic() {
        return Topics.VENDOR_CASE_OPEN;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return SimulatedPortal.open();
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 1;
    }

    @Override
    protected int deliveriesReceived() {
        return portal.cases().size();
    }

    @Override
    protected void breakRemoteSide() {
        portal.breakDown();
    }

    @Override
    protected void repairRemoteSide() {
        portal.recover();
    }

    @AfterEach
    void stopPortal() {
        portal.close();
    }
}
