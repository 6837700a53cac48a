package org.blackstart.plugins.resttickets;

import org.blackstart.spi.AccountHealth;
import java.time.Clock;
import java.util.Map;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Active when at least one account is configured under {@code blackstart.plugins.rest-tickets.accounts};
 * then every account's templates and pointers are checked, and the platform refuses to start with
 * a message naming the key of the first one that is wrong.
 */
@AutoConfiguration
@Conditional(RestTicketsAccountsConfigured.class)
@EnableConfigurationProperties(RestTicketsProperties.class)
public class RestTicketsPluginAutoConfiguration {

    @Bean
    AccountHealth restTicketsHealth() {
        return new AccountHealth(Clock.systemUTC());
    }

    @Bean
    PortalAccounts restTicketsAccounts(RestTicketsProperties properties) {
        return new PortalAccounts(PortalAccount.compile(properties));
    }

    @Bean
    RestTicketsPlugin restTicketsPlugin(RestTicketsProperties properties, @Qualifier("restTicketsHealth") AccountHealth health) {
        return new RestTicketsPlugin(properties, health);
    }

    @Bean
    RestTicketsCaseRoutes restTicketsCaseRoutes(PortalAccounts accounts, @Qualifier("restTicketsHealth") AccountHealth health, DeliveryLedger ledger,
                                                CaseEvidence evidence, RestTicketsProperties properties) {
        return new RestTicketsCaseRoutes(new PortalCases(accounts.byName(), health, ledger, evidence, properties));
    }

    @Bean
    RestTicketsWebhookRoutes restTicketsWebhookRoutes(PortalAccounts accounts, VendorInbox inbox) {
        return new RestTicketsWebhookRoutes(new PortalWebhookReceiver(accounts.byName(), inbox));
    }

    /** The compiled accounts, as one bean. */
    record PortalAccounts(Map<String, PortalAccount> byName) {
    }
}
