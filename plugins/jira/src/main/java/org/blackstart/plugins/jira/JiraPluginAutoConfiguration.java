package org.blackstart.plugins.jira;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Active when at least one account is configured under {@code blackstart.plugins.jira.accounts};
 * then every account must be complete, or the platform refuses to start and says what is missing.
 */
@AutoConfiguration
@Conditional(JiraAccountsConfigured.class)
@EnableConfigurationProperties(JiraProperties.class)
public class JiraPluginAutoConfiguration {

    @Bean
    JiraHealth jiraHealth() {
        return new JiraHealth(Clock.systemUTC());
    }

    @Bean
    JiraPlugin jiraPlugin(JiraProperties properties, JiraHealth health) {
        return new JiraPlugin(properties, health);
    }

    @Bean
    JiraCaseRoutes jiraCaseRoutes(JiraProperties properties, JiraHealth health, DeliveryLedger ledger,
                                  CaseEvidence evidence) {
        return new JiraCaseRoutes(new JiraCases(desks(properties, health), ledger, evidence, properties));
    }

    @Bean
    JiraWebhookRoutes jiraWebhookRoutes(JiraProperties properties, VendorInbox inbox) {
        return new JiraWebhookRoutes(new JiraWebhookReceiver(properties, inbox));
    }

    static Map<String, JiraServiceDesk> desks(JiraProperties properties, JiraHealth health) {
        Map<String, JiraServiceDesk> desks = new LinkedHashMap<>();
        properties.accounts().forEach((name, account) -> desks.put(name,
                new JiraServiceDesk(new JiraHttp(name, account, properties.requestTimeout(), health), account)));
        return Map.copyOf(desks);
    }
}
