package org.blackstart.plugins.email;

import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.NoticeAudience;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** On the classpath and {@code blackstart.plugins.email.enabled} not false: the plugin is active. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "blackstart.plugins.email", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EmailProperties.class)
public class EmailPluginAutoConfiguration {

    @Bean
    EmailPlugin emailPlugin(EmailProperties properties) {
        return new EmailPlugin(properties);
    }

    @Bean
    EmailNoticeRoutes emailNoticeRoutes(EmailProperties properties, DeliveryLedger ledger, NoticeAudience audience) {
        return new EmailNoticeRoutes(new EmailFanOut(ledger, audience, properties));
    }

    @Bean
    TeamMailRoutes teamMailRoutes(EmailProperties properties, DeliveryLedger ledger) {
        return new TeamMailRoutes(new TeamMailSender(ledger, properties));
    }
}
