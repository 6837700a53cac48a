package org.blackstart.plugins.jira;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Action items go to the team's Jira when anything is configured under {@code blackstart.plugins.jira.actions}. */
class JiraActionsConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return configured(context) ? ConditionOutcome.match("the team's Jira is configured")
                : ConditionOutcome.noMatch("no " + JiraProperties.PREFIX + ".actions");
    }

    static boolean configured(ConditionContext context) {
        return Binder.get(context.getEnvironment())
                .bind(JiraProperties.PREFIX + "." + JiraProperties.ACTIONS, Bindable.mapOf(String.class, Object.class))
                .map(actions -> !actions.isEmpty()).orElse(false);
    }
}
