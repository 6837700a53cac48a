package org.blackstart.plugins.x;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.PluginState;
import org.blackstart.testkit.x.XApiSimulation;

/** Plugin settings and wiring that point at the test kit's X simulation. */
final class SimulatedX {

    static final String ACCOUNT = "hostingstatus";

    private SimulatedX() {
    }

    static XProperties oauth2(XApiSimulation x, String clientSecret, String refreshToken) {
        return new XProperties(true, "@" + ACCOUNT, XProperties.Auth.OAUTH2, x.baseUrl(), XApiSimulation.CLIENT_ID,
                clientSecret, refreshToken, null, null, null, null, Duration.ofSeconds(5), Duration.ofMinutes(2), 3,
                List.of("x.com"));
    }

    static XProperties oauth2(XApiSimulation x) {
        return oauth2(x, XApiSimulation.CLIENT_SECRET, XApiSimulation.FIRST_REFRESH_TOKEN);
    }

    static XProperties oauth1(XApiSimulation x) {
        return new XProperties(true, ACCOUNT, XProperties.Auth.OAUTH1, x.baseUrl(), null, null, null,
                XApiSimulation.CONSUMER_KEY, XApiSimulation.CONSUMER_SECRET, XApiSimulation.ACCESS_TOKEN,
                XApiSimulation.ACCESS_TOKEN_SECRET, Duration.ofSeconds(5), Duration.ofMinutes(2), 3, List.of("x.com"));
    }

    /** What the auto-configuration builds: the API client on {@code state}. */
    static XApi api(XProperties properties, PluginState state) {
        XHttp http = new XHttp(properties);
        return new XApi(properties, http, new OAuth2Tokens(properties, state, http), Clock.systemUTC());
    }

    static XNoticeRoutes routes(XProperties properties, XApi api, DeliveryLedger ledger) {
        return new XNoticeRoutes(new XPosts(ledger, properties, api, Clock.systemUTC()));
    }
}
