package org.blackstart.app.alert.rule;

import org.blackstart.app.oncall.OnCallDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which alert rules name an escalation policy that does not exist. Not a refusal
 * to start: the policy may be created through the API later. But until it exists, the incidents
 * those rules open page nobody, which an operator must hear about before the night it matters.
 */
@Component
class UnknownPolicyWarning {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownPolicyWarning.class);

    private final AlertRules rules;
    private final ObjectProvider<OnCallDirectory> directory;

    UnknownPolicyWarning(AlertRules rules, ObjectProvider<OnCallDirectory> directory) {
        this.rules = rules;
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutUnknownPolicies() {
        OnCallDirectory onCall = directory.getIfAvailable();
        for (AlertRule rule : rules.rules()) {
            String policy = rule.escalationPolicy();
            if (policy != null && (onCall == null || onCall.plan(policy).isEmpty())) {
                LOG.warn("BLACKSTART-ALERTS-030 alert rule '{}' pages escalation policy '{}', which does not exist: "
                        + "its incidents will open without paging anyone until the policy is configured", rule.name(), policy);
            }
        }
    }
}
