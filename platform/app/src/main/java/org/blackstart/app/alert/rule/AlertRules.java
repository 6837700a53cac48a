package org.blackstart.app.alert.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.alert.heartbeat.HeartbeatProperties;
import org.blackstart.app.incident.Severity;
import org.springframework.stereotype.Component;

/** The configured rules, the built-in default, and one rule per configured heartbeat. */
@Component
public class AlertRules {

    public static final String DEFAULT_RULE = "default";
    /** The source name of alerts raised by missed heartbeats. */
    public static final String HEARTBEAT_SOURCE = "heartbeat";
    /** The label that names the heartbeat on its alerts. */
    public static final String HEARTBEAT_LABEL = "heartbeat";

    private final List<AlertRule> rules;
    private final Map<String, AlertRule> byName = new LinkedHashMap<>();
    private final Map<String, AlertRule> heartbeats = new LinkedHashMap<>();

    public AlertRules(AlertRulesProperties properties, HeartbeatProperties heartbeatProperties) {
        List<AlertRule> list = new ArrayList<>(properties.rules().stream().map(AlertRulesProperties.Rule::toRule).toList());
        if (list.isEmpty() || !list.get(list.size() - 1).catchAll()) {
            list.add(new AlertRule(DEFAULT_RULE, null, Map.of(), List.of("alertname"), Duration.ofMinutes(2), 1,
                    Severity.SEV3, TitleTemplate.parse("{{count}} alerts from {{source}}: {{summary}}"), List.of(), null));
        }
        this.rules = List.copyOf(list);
        rules.forEach(rule -> byName.put(rule.name(), rule));
        heartbeatProperties.heartbeats().forEach((name, heartbeat) -> {
            TitleTemplate title;
            try {
                title = TitleTemplate.parse(heartbeat.title());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("blackstart.heartbeats." + name + ".title: " + e.getMessage(), e);
            }
            AlertRule rule = new AlertRule(heartbeatRuleName(name), HEARTBEAT_SOURCE, Map.of(HEARTBEAT_LABEL, name),
                    List.of(HEARTBEAT_LABEL), heartbeat.interval(), 1, heartbeat.severity(), title,
                    heartbeat.affectedServices(), heartbeat.escalationPolicy());
            heartbeats.put(name, rule);
            byName.put(rule.name(), rule);
        });
    }

    public static String heartbeatRuleName(String heartbeat) {
        return "heartbeat:" + heartbeat;
    }

    /** The rule that takes an alert: its heartbeat's, else the first configured match, else the default. */
    public AlertRule ruleFor(String source, Map<String, String> labels) {
        if (HEARTBEAT_SOURCE.equals(source)) {
            AlertRule heartbeat = heartbeats.get(labels.get(HEARTBEAT_LABEL));
            if (heartbeat != null) {
                return heartbeat;
            }
        }
        for (AlertRule rule : rules) {
            if (rule.matches(source, labels)) {
                return rule;
            }
        }
        return rules.get(rules.size() - 1);
    }

    /** A group's rule; when the configuration no longer has it, the catch-all stands in. */
    public AlertRule byName(String name) {
        AlertRule rule = byName.get(name);
        return rule != null ? rule : rules.get(rules.size() - 1);
    }

    public List<AlertRule> rules() {
        return rules;
    }
}
