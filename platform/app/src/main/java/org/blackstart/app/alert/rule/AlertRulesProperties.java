package org.blackstart.app.alert.rule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blackstart.app.incident.Severity;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.alerts.rules}: how alerts open incidents. The first matching rule takes an
 * alert; when the last rule is not a catch-all, a built-in {@code default} rule takes the rest.
 */
@ConfigurationProperties("blackstart.alerts")
@Validated
public record AlertRulesProperties(@Valid @DefaultValue List<Rule> rules) {

    public AlertRulesProperties {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String where = "blackstart.alerts.rules[" + i + "]";
            if (rule.name() != null && !names.add(rule.name())) {
                throw new IllegalArgumentException(where + ".name: rule name '" + rule.name() + "' is used twice");
            }
            if (rule.title() != null) {
                try {
                    TitleTemplate.parse(rule.title());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ".title: " + e.getMessage(), e);
                }
            }
            if (rule.groupBy().stream().anyMatch(label -> label == null || label.isBlank())) {
                throw new IllegalArgumentException(where + ".group-by: label names must not be blank");
            }
        }
    }

    /**
     * @param name              names the rule in the timeline and in {@code declaredBy} ({@code alerts:<name>})
     * @param match             which alerts the rule takes; empty = every alert
     * @param groupBy           label names whose values form one group (one incident)
     * @param window            how long a group without an incident collects alerts, from its first alert
     * @param minAlerts         firing alerts of a group within the window that open the incident
     * @param severity          the incident's severity
     * @param title             the incident's title; see {@link TitleTemplate}
     * @param affectedServices  passed to the incident
     * @param escalationPolicy  passed to the process as {@code escalationPolicy}; who is paged
     */
    public record Rule(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lower-case letters, digits and dashes")
                       String name,
                       @Valid @DefaultValue Match match,
                       @DefaultValue List<String> groupBy,
                       @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration window,
                       @Min(1) @DefaultValue("1") int minAlerts,
                       @NotNull @DefaultValue("SEV3") Severity severity,
                       @NotBlank @DefaultValue("{{count}} alerts from {{source}}: {{summary}}") String title,
                       @DefaultValue List<String> affectedServices,
                       String escalationPolicy) {

        AlertRule toRule() {
            return new AlertRule(name, match.source() == null || match.source().isBlank() ? null : match.source().strip(),
                    match.labels(), groupBy, window, minAlerts, severity, TitleTemplate.parse(title), affectedServices,
                    escalationPolicy);
        }
    }

    /** @param source the alert source's name; {@code labels} must all be equal */
    public record Match(String source, @DefaultValue Map<String, String> labels) {
    }
}
