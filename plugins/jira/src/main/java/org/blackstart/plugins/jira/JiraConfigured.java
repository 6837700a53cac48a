package org.blackstart.plugins.jira;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The plugin is on when a vendor account or the team's tracker ({@code blackstart.plugins.jira.actions}) is configured. */
class JiraConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (new JiraAccountsConfigured().matches(context, metadata)) {
            return ConditionOutcome.match("Jira accounts are configured");
        }
        return JiraActionsConfigured.configured(context)
                ? ConditionOutcome.match("the team's Jira is configured for action items")
                : ConditionOutcome.noMatch("neither " + JiraProperties.PREFIX + ".accounts nor " + JiraProperties.PREFIX
                + ".actions");
    }
}
