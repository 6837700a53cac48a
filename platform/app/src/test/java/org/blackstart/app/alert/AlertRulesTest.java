package org.blackstart.app.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.blackstart.app.alert.heartbeat.HeartbeatProperties;
import org.blackstart.app.alert.rule.AlertRule;
import org.blackstart.app.alert.rule.AlertRules;
import org.blackstart.app.alert.rule.AlertRulesProperties;
import org.blackstart.app.alert.rule.TitleTemplate;
import org.blackstart.app.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;

class AlertRulesTest {

    private static final HeartbeatProperties NO_HEARTBEATS = new HeartbeatProperties(Map.of());

    @Test
    void theFirstMatchingRuleTakesAnAlertAndTheDefaultTakesTheRest() {
        // given
        AlertRules rules = new AlertRules(new AlertRulesProperties(List.of(
                rule("rack-outage", null, Map.of("alertname", "HostUnreachable"), "{{count}} down"),
                rule("any-grafana", "grafana", Map.of(), "{{summary}}"))), NO_HEARTBEATS);

        // then
        assertThat(rules.ruleFor("grafana", Map.of("alertname", "HostUnreachable")).name()).isEqualTo("rack-outage");
        assertThat(rules.ruleFor("grafana", Map.of("alertname", "DiskFull")).name()).isEqualTo("any-grafana");
        assertThat(rules.ruleFor("alertmanager", Map.of("alertname", "DiskFull")).name()).isEqualTo(AlertRules.DEFAULT_RULE);
    }

    @Test
    void aHeartbeatAlertTakesItsHeartbeatsRule() {
        // given
        HeartbeatProperties heartbeats = new HeartbeatProperties(Map.of("backup", new HeartbeatProperties.Heartbeat(
                Duration.ofMinutes(5), Duration.ofMinutes(1), Severity.SEV1, "{{labels.heartbeat}} silent", List.of("backup"),
                "ops")));
        AlertRules rules = new AlertRules(new AlertRulesProperties(List.of()), heartbeats);

        // when
        AlertRule rule = rules.ruleFor(AlertRules.HEARTBEAT_SOURCE, Map.of(AlertRules.HEARTBEAT_LABEL, "backup"));

        // then
        assertThat(rule.name()).isEqualTo("heartbeat:backup");
        assertThat(rule.severity()).isEqualTo(Severity.SEV1);
        assertThat(rule.escalationPolicy()).isEqualTo("ops");
        assertThat(rule.minAlerts()).isEqualTo(1);
    }

    @Test
    void titlesFillPlaceholdersAndNeverEvaluateThem() {
        // given
        TitleTemplate title = TitleTemplate.parse("{{count}} alerts: {{ labels.alertname }} in {{labels.datacenter}}/{{labels.rack}}");

        // when
        String rendered = title.render(new TitleTemplate.Values(37, "rack-outage", "alertmanager", "down", "dc1/a3",
                Map.of("alertname", "${7*7}", "datacenter", "dc1")));

        // then
        assertThat(rendered).isEqualTo("37 alerts: ${7*7} in dc1/?");
    }

    @Test
    void aRuleWithAnUnknownPlaceholderRefusesToStartNamingIt() {
        assertThatThrownBy(() -> new AlertRulesProperties(List.of(rule("bad", null, Map.of(), "{{count}} {{T(java.lang.Runtime)}}"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blackstart.alerts.rules[0].title")
                .hasMessageContaining("unknown placeholder {{T(java.lang.Runtime)}}");
        assertThatThrownBy(() -> TitleTemplate.parse("{{count alerts"))
                .hasMessageContaining("is not closed");
    }

    @Test
    void twoRulesWithOneNameRefuseToStart() {
        assertThatThrownBy(() -> new AlertRulesProperties(List.of(rule("same", null, Map.of(), "a"),
                rule("same", "grafana", Map.of(), "b"))))
                .hasMessageContaining("blackstart.alerts.rules[1].name: rule name 'same' is used twice");
    }

    @Test
    void aHeartbeatNameThatCannotBeAUrlSegmentRefusesToStart() {
        assertThatThrownBy(() -> new HeartbeatProperties(Map.of("nightly backup", new HeartbeatProperties.Heartbeat(
                Duration.ofHours(24), Duration.ofMinutes(1), Severity.SEV2, "t", List.of(), null))))
                .hasMessageContaining("blackstart.heartbeats.nightly backup");
    }

    @Test
    void theExampleRulesOfApplicationYmlBind() throws Exception {
        // given
        List<PropertySource<?>> yml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        StandardEnvironment environment = new StandardEnvironment();
        yml.forEach(environment.getPropertySources()::addLast);

        // when
        AlertRulesProperties properties = Binder.get(environment)
                .bind("blackstart.alerts", AlertRulesProperties.class).get();
        AlertRules rules = new AlertRules(properties, NO_HEARTBEATS);

        // then
        assertThat(rules.rules()).extracting(AlertRule::name).containsExactly("rack-outage", "hosts-down", "default");
        AlertRule rack = rules.ruleFor("alertmanager", Map.of("alertname", "HostUnreachable", "datacenter", "dc1", "rack", "a3"));
        assertThat(rack.groupBy()).containsExactly("datacenter", "rack");
        assertThat(rack.window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(rack.severity()).isEqualTo(Severity.SEV1);
        assertThat(rack.escalationPolicy()).isEqualTo("datacenter-ops");
        assertThat(rules.ruleFor("alertmanager", Map.of("alertname", "HostDown")).minAlerts()).isEqualTo(3);
    }

    private static AlertRulesProperties.Rule rule(String name, String source, Map<String, String> labels, String title) {
        return new AlertRulesProperties.Rule(name, new AlertRulesProperties.Match(source, labels), List.of("datacenter"),
                Duration.ofMinutes(2), 1, Severity.SEV2, title, List.of(), null);
    }
}
