package org.blackstart.plugins.mastodon;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.PluginContractTest;
import org.blackstart.testkit.mastodon.MastodonApiSimulation;
import org.junit.jupiter.api.AfterEach;

/** The Mastodon plugin against a real engine, the real bridge and the simulated instance. */
class MastodonPluginContractTest extends PluginContractTest {

    private final MastodonApiSimulation mastodon = MastodonApiSimulation.start();
    private final MastodonProperties properties = SimulatedMastodon.properties(mastodon);
    private final MastodonApi api = new MastodonApi(properties, Clock.systemUTC());

    @Override
    protected BlackstartPlugin plugin() {
        return new MastodonPlugin(properties, api);
    }

    @Override
    protected List<RoutesBuilder> routes(DeliveryLedger ledger) {
        return List.of(SimulatedMastodon.routes(properties, api, ledger));
    }

    @Override
    protected String topic() {
        return Topics.NOTICE_MASTODON;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return Map.of(CustomerNotice.Variables.STEP, "initial",
                CustomerNotice.Variables.post("mastodon"), "Mail is delayed. Updates: https://status.hosting.example");
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 1;
    }

    @Override
    protected int deliveriesReceived() {
        return mastodon.statuses().size();
    }

    @Override
    protected void breakRemoteSide() {
        mastodon.breakDown();
    }

    @Override
    protected void repairRemoteSide() {
        mastodon.recover();
    }

    @AfterEach
    void stopMastodon() {
        mastodon.close();
    }
}
