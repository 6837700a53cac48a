package org.blackstart.plugins.jira;

import org.blackstart.spi.AccountHealth;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blackstart.spi.ActionTickets;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Active when at least one account is configured under {@code blackstart.plugins.jira.accounts} (vendor cases),
 * or the team's own Jira under {@code blackstart.plugins.jira.actions} (action items); then every account must be
 * complete, or the platform refuses to start and says what is missing.
 */
@AutoConfiguration
@Conditional(JiraConfigured.class)
@EnableConfigurationProperties(JiraProperties.class)
public class JiraPluginAutoConfiguration {

    @Bean
    // Qualified: with Jira and REST tickets both on, each plugin has an AccountHealth of its own.
    AccountHealth jiraHealth() {
        return new AccountHealth(Clock.systemUTC());
    }

    @Bean
    JiraPlugin jiraPlugin(JiraProperties properties, @Qualifier("jiraHealth") AccountHealth health) {
        return new JiraPlugin(properties, health);
    }

    @Bean
    @Conditional(JiraAccountsConfigured.class)
    JiraCaseRoutes jiraCaseRoutes(JiraProperties properties, @Qualifier("jiraHealth") AccountHealth health, DeliveryLedger ledger,
                                  CaseEvidence evidence) {
        return new JiraCaseRoutes(new JiraCases(desks(properties, health), ledger, evidence, properties));
    }

    @Bean
    @Conditional(JiraActionsConfigured.class)
    JiraActionRoutes jiraActionRoutes(JiraProperties properties, @Qualifier("jiraHealth") AccountHealth health,
                                      DeliveryLedger ledger) {
        return new JiraActionRoutes(new JiraActionTickets(issues(properties, health), ledger, properties.claimLease()));
    }

    @Bean
    JiraWebhookRoutes jiraWebhookRoutes(JiraProperties properties, VendorInbox inbox, ObjectProvider<ActionTickets> actionTickets) {
        return new JiraWebhookRoutes(new JiraWebhookReceiver(properties, inbox, actionTickets.getIfAvailable()));
    }

    static JiraIssues issues(JiraProperties properties, AccountHealth health) {
        return new JiraIssues(new JiraHttp(JiraProperties.ACTIONS, properties.actions(), properties.requestTimeout(), health),
                properties.actions());
    }

    static Map<String, JiraServiceDesk> desks(JiraProperties properties, AccountHealth health) {
        Map<String, JiraServiceDesk> desks = new LinkedHashMap<>();
        properties.accounts().forEach((name, account) -> desks.put(name,
                new JiraServiceDesk(new JiraHttp(name, account, properties.requestTimeout(), health), account)));
        return Map.copyOf(desks);
    }
}
