package org.blackstart.app.alert.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.blackstart.app.incident.Severity;

/**
 * How alerts become an incident: which alerts it takes ({@code source} and label equality; none =
 * all), how they are grouped, how many firing alerts within the window open the incident, and what
 * the incident looks like.
 */
public record AlertRule(String name, String source, Map<String, String> labels, List<String> groupBy, Duration window,
                        int minAlerts, Severity severity, TitleTemplate title, List<String> affectedServices,
                        String escalationPolicy) {

    public AlertRule {
        Objects.requireNonNull(name, "name");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        affectedServices = affectedServices == null ? List.of() : List.copyOf(affectedServices);
        escalationPolicy = escalationPolicy == null || escalationPolicy.isBlank() ? null : escalationPolicy.strip();
    }

    public boolean matches(String alertSource, Map<String, String> alertLabels) {
        if (source != null && !source.equals(alertSource)) {
            return false;
        }
        for (Map.Entry<String, String> wanted : labels.entrySet()) {
            if (!wanted.getValue().equals(alertLabels.get(wanted.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public boolean catchAll() {
        return source == null && labels.isEmpty();
    }

    /** The alert's values of the group-by labels, in the rule's order; a missing label is empty. */
    public List<String> groupValues(Map<String, String> alertLabels) {
        List<String> values = new ArrayList<>(groupBy.size());
        for (String label : groupBy) {
            values.add(alertLabels.getOrDefault(label, ""));
        }
        return values;
    }

    /** {@code datacenter=dc1, rack=a3}, for people; empty when the rule does not group by labels. */
    public String describeGroup(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groupBy.size() && i < values.size(); i++) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(groupBy.get(i)).append('=').append(values.get(i));
        }
        return out.toString();
    }

    public String affectedServicesText() {
        return affectedServices.isEmpty() ? null : String.join(", ", affectedServices);
    }
}
