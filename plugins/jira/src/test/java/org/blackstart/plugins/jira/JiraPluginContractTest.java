package org.blackstart.plugins.jira;

import org.blackstart.spi.AccountHealth;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.PluginContractTest;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.junit.jupiter.api.AfterEach;

/** The Jira plugin against a real engine, the real bridge and the simulated Jira site. */
class JiraPluginContractTest extends PluginContractTest {

    private final JiraServiceDeskSimulation jira = JiraServiceDeskSimulation.start();
    private final JiraProperties properties = SimulatedJira.properties(jira);
    private final AccountHealth health = SimulatedJira.health();

    @Override
    protected BlackstartPlugin plugin() {
        return new JiraPlugin(properties, health);
    }

    @Override
    protected List<RoutesBuilder> routes(DeliveryLedger ledger) {
        return List.of(SimulatedJira.routes(properties, health, ledger, new InMemoryCaseEvidence()));
    }

    @Override
    protected String topic() {
        return Topics.VENDOR_CASE_OPEN;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return SimulatedJira.open();
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 1;
    }

    @Override
    protected int deliveriesReceived() {
        return jira.issues().size();
    }

    @Override
    protected void breakRemoteSide() {
        jira.breakDown();
    }

    @Override
    protected void repairRemoteSide() {
        jira.recover();
    }

    @AfterEach
    void stopJira() {
        jira.close();
    }
}
