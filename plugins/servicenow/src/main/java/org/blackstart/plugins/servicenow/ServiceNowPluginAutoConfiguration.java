package org.blackstart.plugins.servicenow;

import java.time.Clock;
import java.util.Map;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.PluginState;
import org.blackstart.spi.SingleNodeLease;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Active when at least one account is configured under {@code blackstart.plugins.servicenow.accounts};
 * then every account must be complete, or the platform refuses to start and says which field is wrong.
 */
@AutoConfiguration
@Conditional(ServiceNowPluginAutoConfiguration.AccountsConfigured.class)
@EnableConfigurationProperties(ServiceNowProperties.class)
public class ServiceNowPluginAutoConfiguration {

    @Bean
    ServiceNowAccounts serviceNowAccounts(ServiceNowProperties properties) {
        return new ServiceNowAccounts(properties, Clock.systemUTC());
    }

    @Bean
    ServiceNowPlugin serviceNowPlugin(ServiceNowAccounts accounts) {
        return new ServiceNowPlugin(accounts);
    }

    @Bean
    ServiceNowCaseRoutes serviceNowCaseRoutes(ServiceNowProperties properties, ServiceNowAccounts accounts,
                                              DeliveryLedger ledger, CaseEvidence evidence) {
        return new ServiceNowCaseRoutes(new ServiceNowCases(accounts, ledger, evidence, properties.claimLease()));
    }

    /** Where the plugin keeps poll watermarks and received files: the platform's PluginState, else memory. */
    @Bean
    ServiceNowMemory serviceNowMemory(ObjectProvider<PluginState> state) {
        return new ServiceNowMemory(state.getIfAvailable(ServiceNowPoller.MemoryState::new));
    }

    @Bean
    ServiceNowWebhookRoutes serviceNowWebhookRoutes(ServiceNowAccounts accounts, VendorInbox inbox,
                                                    ServiceNowMemory memory) {
        return new ServiceNowWebhookRoutes(new ServiceNowWebhook(accounts, inbox, new VendorFiles(memory.state())));
    }

    @Bean
    ServiceNowPolling serviceNowPolling(ServiceNowAccounts accounts, VendorInbox inbox, SingleNodeLease lease,
                                        ServiceNowMemory memory) {
        return new ServiceNowPolling(accounts, new ServiceNowPoller(inbox, lease, memory.state()));
    }

    /** One state for webhook and polling, so that a file received by one is not sent again by the other. */
    record ServiceNowMemory(PluginState state) {
    }

    /** True when {@code blackstart.plugins.servicenow.accounts} has at least one entry. */
    static final class AccountsConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean any = Binder.get(context.getEnvironment())
                    .bind("blackstart.plugins.servicenow.accounts", Bindable.mapOf(String.class, Object.class))
                    .map(Map::isEmpty).map(empty -> !empty).orElse(false);
            return any ? ConditionOutcome.match("ServiceNow accounts are configured")
                    : ConditionOutcome.noMatch("no ServiceNow account is configured");
        }
    }
}
