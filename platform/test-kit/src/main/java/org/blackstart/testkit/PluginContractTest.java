package org.blackstart.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.Topics;
import org.blackstart.spi.DeliveryLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the platform expects of every plugin that sends something to people. A plugin's test
 * extends this, wires its routes against the given ledger, and says how to count deliveries at its
 * simulated remote side and how to break and repair that side. The routes run in a real engine
 * with the real bridge ({@link BridgeHarness}).
 */
public abstract class PluginContractTest {

    protected final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    /** The audience of notice topics; {@link #typicalAudience()} is added for each incident the contract runs. */
    protected final InMemoryNoticeAudience audience = new InMemoryNoticeAudience();
    protected BridgeHarness harness;

    /** The plugin under test, as its auto-configuration would register it. */
    protected abstract BlackstartPlugin plugin();

    /** Its routes, wired to {@code ledger}. */
    protected abstract List<RoutesBuilder> routes(DeliveryLedger ledger);

    /** The topic the contract drives. */
    protected abstract String topic();

    /** Process variables of a typical task of {@link #topic()}. */
    protected abstract Map<String, Object> typicalTask();

    /**
     * For a {@code notice.<channel>} topic: the recipients of the typical task on its channel. The
     * contract adds them to {@link #audience} under the incident and the task's {@code noticeStep}.
     */
    protected List<NoticeRecipient> typicalAudience() {
        return List.of();
    }

    /** How many deliveries the typical task makes (one per recipient, say). */
    protected abstract int deliveriesPerTypicalTask();

    /** Deliveries the simulated remote side has received so far. */
    protected abstract int deliveriesReceived();

    /** Makes the remote side refuse connections or fail. */
    protected abstract void breakRemoteSide();

    protected abstract void repairRemoteSide();

    @BeforeEach
    void startHarness() {
        harness = new BridgeHarness().start(routes(ledger).toArray(RoutesBuilder[]::new));
    }

    @AfterEach
    void stopHarness() {
        repairRemoteSide();
        harness.close();
    }

    private TaskRun run(String incidentKey) {
        String channel = Topics.noticeChannel(topic());
        if (channel != null && audience.count(incidentKey, step(), channel) == 0) {
            audience.add(incidentKey, step(), channel, typicalAudience());
        }
        return harness.run(topic(), incidentKey, typicalTask());
    }

    private String step() {
        Object step = typicalTask().get(CustomerNotice.Variables.STEP);
        return step == null ? "Serve" : step.toString();
    }

    @Test
    void everyDeclaredTopicHasARouteServingIt() {
        List<String> consumed = harness.camel().getRoutes().stream()
                .map(Route::getEndpoint).map(Endpoint::getEndpointUri).toList();

        assertThat(plugin().descriptor().topics()).isNotEmpty().contains(topic());
        for (String topic : plugin().descriptor().topics()) {
            assertThat(consumed).as("routes of plugin %s", plugin().descriptor().slug())
                    .anyMatch(uri -> uri.equals("blackstart://task:" + topic) || uri.startsWith("blackstart://task:" + topic + "?"));
        }
    }

    @Test
    void completesATaskOfItsTopicAndDeliversOncePerRecipient() {
        TaskRun run = run("INC-2026-0001");

        assertThat(run.outcome()).as("incident message: %s", run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(deliveriesReceived()).isEqualTo(deliveriesPerTypicalTask());
        assertThat(ledger.sent()).hasSize(deliveriesPerTypicalTask());
    }

    @Test
    void sendsNothingTwiceWhenTheSameStepRunsAgain() {
        run("INC-2026-0002");

        TaskRun again = run("INC-2026-0002");

        assertThat(again.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(deliveriesReceived()).isEqualTo(deliveriesPerTypicalTask());
    }

    @Test
    void aBrokenRemoteSideBecomesAnIncidentAndTheCockpitRetryDeliversEverything() {
        breakRemoteSide();

        TaskRun failed = run("INC-2026-0003");

        assertThat(failed.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(failed.incidentMessage()).isNotBlank();
        assertThat(ledger.sent()).isEmpty();
        assertThat(deliveriesReceived()).isZero();

        repairRemoteSide();
        TaskRun retried = harness.retryFromCockpit(harness.lastProcessInstanceId());

        assertThat(retried.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(deliveriesReceived()).isEqualTo(deliveriesPerTypicalTask());
    }
}
