package org.blackstart.app.security;

import static org.blackstart.app.security.Groups.INCIDENT_COMMANDERS;
import static org.blackstart.app.security.Groups.ON_CALL;
import static org.blackstart.app.security.Groups.PLATFORM_ADMINS;
import static org.blackstart.app.security.Groups.SUPPORT_AGENTS;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Blackstart's groups and what each may do, created at every start where missing. Commanders
 * declare and run incidents and may read every task; agents see only the tasks offered to their
 * group, the notice reviews (the engine authorizes a task to its candidate group with TASK_WORK);
 * platform admins are engine administrators; on-call engineers see the pages offered to them. With a read-only identity provider (Keycloak) the
 * groups come from there and only the authorizations are written.
 */
@Component
public class GroupAuthorizations {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    GroupAuthorizations(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void ensureGroupsAndAuthorizations() {
        if (!identity.isReadOnly()) {
            group(INCIDENT_COMMANDERS, "Incident commanders");
            group(SUPPORT_AGENTS, "Support agents");
            group(PLATFORM_ADMINS, "Platform administrators");
            group(ON_CALL, "On-call engineers");
        }

        grant(INCIDENT_COMMANDERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(INCIDENT_COMMANDERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(INCIDENT_COMMANDERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        grant(INCIDENT_COMMANDERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, ProcessInstancePermissions.READ);
        grant(INCIDENT_COMMANDERS, Resources.TASK, "*", Permissions.READ);
        grant(INCIDENT_COMMANDERS, Resources.FILTER, "*", Permissions.READ);
        grant(INCIDENT_COMMANDERS, Resources.DEPLOYMENT, "*", Permissions.READ);

        grant(SUPPORT_AGENTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(SUPPORT_AGENTS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(SUPPORT_AGENTS, Resources.FILTER, "*", Permissions.READ);
        grant(SUPPORT_AGENTS, Resources.DEPLOYMENT, "*", Permissions.READ);

        // The engine offers a page's acknowledgement task to the paged person by name; this lets
        // them into Tasklist and its task list, where they see only what is offered to them.
        grant(ON_CALL, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(ON_CALL, Resources.FILTER, "*", Permissions.READ);
    }

    /** Creates the group unless it exists. */
    public void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN.equals(id)
                    ? org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM
                    : org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
