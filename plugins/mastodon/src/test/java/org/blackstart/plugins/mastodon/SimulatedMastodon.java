package org.blackstart.plugins.mastodon;

import java.time.Clock;
import java.time.Duration;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.testkit.mastodon.MastodonApiSimulation;

/** Plugin settings and wiring that point at the test kit's Mastodon simulation. */
final class SimulatedMastodon {

    private SimulatedMastodon() {
    }

    static MastodonProperties properties(MastodonApiSimulation mastodon, String accessToken) {
        return new MastodonProperties(true, mastodon.baseUrl(), accessToken, MastodonProperties.Visibility.PUBLIC,
                Duration.ofSeconds(5), Duration.ofMinutes(2), 3, null);
    }

    static MastodonProperties properties(MastodonApiSimulation mastodon) {
        return properties(mastodon, MastodonApiSimulation.ACCESS_TOKEN);
    }

    static MastodonNoticeRoutes routes(MastodonProperties properties, MastodonApi api, DeliveryLedger ledger) {
        return new MastodonNoticeRoutes(new MastodonPosts(ledger, properties, api, Clock.systemUTC()));
    }
}
