package org.blackstart.app.alert.processing;

import java.util.HashMap;
import java.util.Map;
import org.blackstart.app.alert.rule.AlertRule;
import org.blackstart.app.alert.rule.TitleTemplate;
import org.blackstart.app.incident.IncidentService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts the incident process for a group that reached its rule's threshold, in the processing
 * transaction: the incident exists exactly when the alerts that opened it are stored as processed.
 */
@Component
class IncidentOpener {

    static final String DECLARED_BY_PREFIX = "alerts:";

    private final RuntimeService runtime;

    IncidentOpener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return the new incident's key */
    String open(GroupState group, String groupDescription) {
        AlertRule rule = group.rule;
        InboxRow latest = group.latest;
        String title = rule.title().render(new TitleTemplate.Values(group.firingCount, rule.name(), latest.source(),
                latest.summary(), groupDescription, latest.labels()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", Sql.truncate(title.strip(), 200));
        variables.put("summary", Sql.truncate(summary(group, groupDescription), 4000));
        variables.put("severity", rule.severity().name());
        if (rule.affectedServicesText() != null) {
            variables.put("affectedServices", rule.affectedServicesText());
        }
        if (rule.escalationPolicy() != null) {
            variables.put("escalationPolicy", rule.escalationPolicy());
        }
        variables.put("declaredBy", DECLARED_BY_PREFIX + rule.name());
        variables.put("alertGroupId", group.id);
        ProcessInstance instance = runtime.startProcessInstanceByKey(IncidentService.PROCESS_KEY, variables);
        return instance.getBusinessKey();
    }

    private static String summary(GroupState group, String groupDescription) {
        StringBuilder text = new StringBuilder()
                .append(group.firingCount).append(group.firingCount == 1 ? " alert" : " alerts")
                .append(" firing under rule ").append(group.rule.name());
        if (!groupDescription.isEmpty()) {
            text.append(" (").append(groupDescription).append(')');
        }
        if (!group.latest.summary().isBlank()) {
            text.append(". Latest: ").append(group.latest.summary());
        }
        return text.toString();
    }
}
