package org.blackstart.plugins.restscheduler;

import java.time.Clock;
import org.blackstart.spi.DeliveryLedger;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Active when {@code blackstart.plugins.rest-scheduler.enabled=true}: then base-url and token must be
 * configured, or the platform refuses to start and says which is missing.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "blackstart.plugins.rest-scheduler", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(RestSchedulerProperties.class)
public class RestSchedulerPluginAutoConfiguration {

    @Bean
    SchedulerApi restSchedulerApi(RestSchedulerProperties properties) {
        return new SchedulerApi(properties, Clock.systemUTC());
    }

    @Bean
    RestSchedulerPlugin restSchedulerPlugin(RestSchedulerProperties properties, SchedulerApi api) {
        return new RestSchedulerPlugin(properties, api);
    }

    @Bean
    RestSchedulerRoutes restSchedulerRoutes(RestSchedulerProperties properties, SchedulerApi api, DeliveryLedger ledger) {
        return new RestSchedulerRoutes(new SchedulerJobs(ledger, properties, api));
    }
}
