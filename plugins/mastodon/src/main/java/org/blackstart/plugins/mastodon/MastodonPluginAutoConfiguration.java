package org.blackstart.plugins.mastodon;

import java.time.Clock;
import org.blackstart.spi.DeliveryLedger;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Active when {@code blackstart.plugins.mastodon.enabled=true}: then instance-url and access-token
 * must be configured, or the platform refuses to start and says which is missing.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "blackstart.plugins.mastodon", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(MastodonProperties.class)
public class MastodonPluginAutoConfiguration {

    @Bean
    MastodonApi mastodonApi(MastodonProperties properties) {
        return new MastodonApi(properties, Clock.systemUTC());
    }

    @Bean
    MastodonPlugin mastodonPlugin(MastodonProperties properties, MastodonApi api) {
        return new MastodonPlugin(properties, api);
    }

    @Bean
    MastodonNoticeRoutes mastodonNoticeRoutes(MastodonProperties properties, MastodonApi api, DeliveryLedger ledger) {
        return new MastodonNoticeRoutes(new MastodonPosts(ledger, properties, api, Clock.systemUTC()));
    }
}
