package org.blackstart.plugins.servicenow;

import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.PluginContractTest;
import org.blackstart.testkit.servicenow.ServiceNowSimulation;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.junit.jupiter.api.AfterEach;

/** The ServiceNow plugin against a real engine, the real bridge and a simulated instance: one case per open step. */
class ServiceNowPluginContractTest extends PluginContractTest {

    private final ServiceNowSimulation sn = ServiceNowSimulation.start();
    private final ServiceNowAccounts accounts = SimulatedServiceNow.accounts(SimulatedServiceNow.properties(sn));

    @Override
    protected BlackstartPlugin plugin() {
        return new ServiceNowPlugin(accounts);
    }

    @Override
    protected List<RoutesBuilder> routes(DeliveryLedger ledger) {
        return List.of(SimulatedServiceNow.routes(accounts, ledger, new InMemoryCaseEvidence()));
    }

    @Override
    protected String topic() {
        return Topics.VENDOR_CASE_OPEN;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return SimulatedServiceNow.openTask();
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 1;
    }

    @Override
    protected int deliveriesReceived() {
        return sn.records().size();
    }

    @Override
    protected void breakRemoteSide() {
        sn.breakDown(503);
    }

    @Override
    protected void repairRemoteSide() {
        sn.recover();
    }

    @AfterEach
    void stopServiceNow() {
        sn.close();
    }
}
