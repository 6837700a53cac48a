package org.blackstart.app.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blackstart.app.alert.heartbeat.HeartbeatProperties;
import org.blackstart.app.incident.Severity;
import org.blackstart.app.oncall.OnCallDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class UnknownPolicyWarningTest {

    @Test
    void aRuleThatPagesAMissingPolicyIsNamedAtStartUp(CapturedOutput output) {
        AlertRules rules = new AlertRules(new AlertRulesProperties(List.of(
                rule("rack-outage", "datacenter-ops"), rule("disk-full", "storage-ops"), rule("quiet", null))),
                new HeartbeatProperties(Map.of()));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("directory", new OnlyPolicy("datacenter-ops"));

        new UnknownPolicyWarning(rules, beans.getBeanProvider(OnCallDirectory.class)).warnAboutUnknownPolicies();

        assertThat(output).contains("BLACKSTART-ALERTS-030 alert rule 'disk-full' pages escalation policy 'storage-ops'")
                .doesNotContain("'rack-outage' pages").doesNotContain("'quiet' pages");
    }

    private static AlertRulesProperties.Rule rule(String name, String policy) {
        return new AlertRulesProperties.Rule(name, new AlertRulesProperties.Match(null, Map.of("alertname", name)),
                List.of("datacenter"), Duration.ofMinutes(2), 1, Severity.SEV2, "{{count}} alerts", List.of(), policy);
    }

    private record OnlyPolicy(String name) implements OnCallDirectory {
        @Override
        public Optional<EscalationPlan> plan(String policyName) {
            return name.equals(policyName) ? Optional.of(new EscalationPlan(name, List.of(Duration.ofMinutes(5)), 0, 1))
                    : Optional.empty();
        }

        @Override
        public List<Responder> respondersAt(String policyName, int level, Instant at) {
            return List.of();
        }

        @Override
        public Optional<Responder> person(String id) {
            return Optional.empty();
        }
    }
}
