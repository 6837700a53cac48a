package org.blackstart.plugins.alerts;

import org.apache.camel.CamelContext;
import org.blackstart.spi.AlertIntake;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** On the classpath and {@code blackstart.plugins.alert-sources.enabled} not false: the sources listen. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "blackstart.plugins.alert-sources", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AlertSourcesProperties.class)
public class AlertSourcesAutoConfiguration {

    @Bean
    AlertSourceRoutes alertSourceRoutes(AlertSourcesProperties properties, AlertIntake intake) {
        return new AlertSourceRoutes(properties.enabledSources(), intake);
    }

    @Bean
    @ConditionalOnProperty(prefix = "blackstart.plugins.alert-sources.alertmanager", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    AlertSourcePlugin alertmanagerSource(CamelContext camel) {
        return new AlertSourcePlugin(AlertSource.ALERTMANAGER, camel);
    }

    @Bean
    @ConditionalOnProperty(prefix = "blackstart.plugins.alert-sources.grafana", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    AlertSourcePlugin grafanaSource(CamelContext camel) {
        return new AlertSourcePlugin(AlertSource.GRAFANA, camel);
    }

    @Bean
    @ConditionalOnProperty(prefix = "blackstart.plugins.alert-sources.events", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    AlertSourcePlugin eventsSource(CamelContext camel) {
        return new AlertSourcePlugin(AlertSource.EVENTS, camel);
    }
}
