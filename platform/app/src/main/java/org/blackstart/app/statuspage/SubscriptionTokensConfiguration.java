package org.blackstart.app.statuspage;

import java.time.Clock;
import org.blackstart.app.demo.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of subscribers' links: {@code blackstart.statuspage.token-secret}, required unless demo mode
 * is on, where a well-known demo key is used, as the alert sources use demo tokens.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionTokensConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionTokensConfiguration.class);
    static final String DEMO_SECRET = "demo-statuspage-token-secret-not-for-production";
    static final int MIN_LENGTH = 32;

    @Bean
    SubscriptionTokens subscriptionTokens(StatusPageProperties properties, DemoProperties demo, Clock clock) {
        String secret = properties.tokenSecret();
        if (secret == null || secret.isBlank()) {
            if (!demo.enabled()) {
                throw new IllegalStateException("blackstart.statuspage.token-secret is not set: the status page signs "
                        + "subscribers' confirm and unsubscribe links with it; set it to a random value of at least "
                        + MIN_LENGTH + " characters");
            }
            LOG.warn("BLACKSTART-STATUS-010 status page subscription links are signed with the demo key. "
                    + "Set blackstart.demo.enabled=false and blackstart.statuspage.token-secret for anything but a trial.");
            return new SubscriptionTokens(DEMO_SECRET, clock);
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("blackstart.statuspage.token-secret is too short: use at least " + MIN_LENGTH
                    + " characters");
        }
        return new SubscriptionTokens(secret, clock);
    }
}
