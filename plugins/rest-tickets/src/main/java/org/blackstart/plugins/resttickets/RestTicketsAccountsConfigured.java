package org.blackstart.plugins.resttickets;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The plugin is on when at least one account is configured under {@code blackstart.plugins.rest-tickets.accounts}. */
class RestTicketsAccountsConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean any = Binder.get(context.getEnvironment())
                .bind(RestTicketsProperties.PREFIX + ".accounts", Bindable.mapOf(String.class, Object.class))
                .map(accounts -> !accounts.isEmpty()).orElse(false);
        return any ? ConditionOutcome.match("vendor portal accounts are configured")
                : ConditionOutcome.noMatch("no " + RestTicketsProperties.PREFIX + ".accounts");
    }
}
