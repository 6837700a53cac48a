package org.blackstart.app.tasks;

import static org.blackstart.app.security.Groups.INCIDENT_COMMANDERS;
import static org.blackstart.app.security.Groups.ON_CALL;
import static org.blackstart.app.security.Groups.SUPPORT_AGENTS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, written at every start: created when missing, brought up to date when an earlier
 * start (or a person) left them otherwise, never duplicated. Each sorts the most urgent first (priority,
 * then due date) and has Tasklist refresh it by itself, so a new task shows without a click. Only
 * authorizations are written, so this works with a read-only identity provider (Keycloak) too.
 */
@Component
class TasklistFilters {

    static final String URGENT = "SEV1 and SEV2 now";
    static final String MY_TASKS = "My tasks";
    static final String MY_GROUP = "My group";
    static final String ALL_TASKS = "All tasks";

    private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    /** After the groups and their authorizations exist ({@code GroupAuthorizations}, order 0). */
    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void ensureFilters() {
        // Tasklist opens the filter with the lowest priority first.
        ensure(URGENT, -20, "Tasks of SEV1 and SEV2 incidents, most urgent first", "#b42318",
                mostUrgentFirst(tasks.createTaskQuery().taskMinPriority(TaskPriorities.SEV2)),
                List.of(INCIDENT_COMMANDERS, SUPPORT_AGENTS));
        ensure(MY_TASKS, -10, "Tasks assigned to me, most urgent first", "#1d4ed8",
                mostUrgentFirst(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
                List.of(INCIDENT_COMMANDERS, SUPPORT_AGENTS, ON_CALL));
        ensure(MY_GROUP, 0, "Tasks offered to my groups, taken or not, most urgent first", "#047857",
                mostUrgentFirst(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()),
                List.of(INCIDENT_COMMANDERS, SUPPORT_AGENTS, ON_CALL));
        ensure(ALL_TASKS, 10, "Every task I may see, most urgent first", "#555555",
                mostUrgentFirst(tasks.createTaskQuery()), List.of(INCIDENT_COMMANDERS, SUPPORT_AGENTS, ON_CALL));
    }

    private static TaskQuery mostUrgentFirst(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    static Map<String, Object> properties(int priority, String description, String color) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        // Shown on every card of the list: how bad the incident is.
        properties.put("variables", List.of(Map.of("name", "severity", "label", "Severity")));
        return properties;
    }

    private void ensure(String name, int priority, String description, String color, TaskQuery query, List<String> readers) {
        List<Filter> existing = filters.createTaskFilterQuery().filterName(name).list();
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
        filter.setQuery(query);
        filter.setProperties(properties(priority, description, color));
        filters.saveFilter(filter);
        if (existing.isEmpty()) {
            LOG.info("BLACKSTART-TASKS-010 Tasklist filter '{}' created", name);
        }
        for (String group : readers) {
            grantRead(group, filter.getId());
        }
    }

    private void grantRead(String group, String filterId) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
                .resourceId(filterId).count() > 0;
        if (!exists) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizations.saveAuthorization(authorization);
        }
    }
}
