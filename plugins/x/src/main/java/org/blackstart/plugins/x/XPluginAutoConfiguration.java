package org.blackstart.plugins.x;

import java.time.Clock;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.PluginState;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Active when {@code blackstart.plugins.x.enabled=true}: then the account and the credentials of
 * the chosen {@code auth} must be configured, or the platform refuses to start and says which.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "blackstart.plugins.x", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(XProperties.class)
public class XPluginAutoConfiguration {

    @Bean
    XApi xApi(XProperties properties, PluginState state) {
        XHttp http = new XHttp(properties);
        return new XApi(properties, http, new OAuth2Tokens(properties, state, http), Clock.systemUTC());
    }

    @Bean
    XPlugin xPlugin(XProperties properties, XApi api) {
        return new XPlugin(properties, api);
    }

    @Bean
    XNoticeRoutes xNoticeRoutes(XProperties properties, XApi api, DeliveryLedger ledger) {
        return new XNoticeRoutes(new XPosts(ledger, properties, api, Clock.systemUTC()));
    }
}
