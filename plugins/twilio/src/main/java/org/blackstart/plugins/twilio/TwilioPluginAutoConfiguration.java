package org.blackstart.plugins.twilio;

import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.NoticeAudience;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Active when {@code blackstart.plugins.twilio.enabled=true}: then the account, token, number and
 * public URL must be configured, or the platform refuses to start and says which is missing.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "blackstart.plugins.twilio", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(TwilioProperties.class)
public class TwilioPluginAutoConfiguration {

    @Bean
    TwilioApi twilioApi(TwilioProperties properties) {
        return new TwilioApi(properties);
    }

    @Bean
    TwilioPlugin twilioPlugin(TwilioProperties properties, TwilioApi api) {
        return new TwilioPlugin(properties, api);
    }

    @Bean
    TwilioPageRoutes twilioPageRoutes(TwilioProperties properties, TwilioApi api, DeliveryLedger ledger) {
        return new TwilioPageRoutes(new PageDeliveries(ledger, properties, api));
    }

    @Bean
    TwilioNoticeRoutes twilioNoticeRoutes(TwilioProperties properties, TwilioApi api, DeliveryLedger ledger,
                                          NoticeAudience audience) {
        return new TwilioNoticeRoutes(new SmsNotices(ledger, audience, properties, api));
    }

    @Bean
    TwilioWebhookRoutes twilioWebhookRoutes(TwilioProperties properties) {
        return new TwilioWebhookRoutes(properties);
    }
}
