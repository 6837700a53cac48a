package org.blackstart.app.security;

import static org.blackstart.app.security.Groups.INCIDENT_COMMANDERS;
import static org.blackstart.app.security.Groups.ON_CALL;
import static org.blackstart.app.security.Groups.PLATFORM_ADMINS;
import static org.blackstart.app.security.Groups.SUPPORT_AGENTS;

import java.util.Arrays;
import java.util.List;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Blackstart's groups and what each may do, created at every start where missing. Commanders
 * declare incidents and escalate to vendors (and start no other process) and may read every task; agents see only the tasks offered to their
 * group, the notice reviews (the engine authorizes a task to its candidate group with TASK_WORK);
 * platform admins are engine administrators with every permission, so they open Cockpit and Admin; on-call engineers see the pages offered to them. With a read-only identity provider (Keycloak) the
 * groups come from there and only the authorizations are written.
 */
@Component
public class GroupAuthorizations {

    /**
     * The processes people start: declaring an incident, and escalating to a vendor from Tasklist. Every
     * other process is started by the platform itself (notices, calls, paging, status mail, maintenance,
     * vendor escalation, parked messages), from its API's checks or from a running process, without a
     * user's authorizations; a direct start through the engine's REST API would skip those checks.
     */
    static final List<String> PEOPLE_START = List.of("major-incident", "escalate-to-vendor");

    private static final Logger LOG = LoggerFactory.getLogger(GroupAuthorizations.class);

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
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        // Databases initialised before this rule hold CREATE_INSTANCE on every process: taken back at every start.
        revoke(INCIDENT_COMMANDERS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.CREATE_INSTANCE);
        for (String process : PEOPLE_START) {
            grant(INCIDENT_COMMANDERS, Resources.PROCESS_DEFINITION, process, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        grant(INCIDENT_COMMANDERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, ProcessInstancePermissions.READ);
        grant(INCIDENT_COMMANDERS, Resources.TASK, "*", Permissions.READ);
        grant(INCIDENT_COMMANDERS, Resources.FILTER, "*", Permissions.READ);
        grant(INCIDENT_COMMANDERS, Resources.DEPLOYMENT, "*", Permissions.READ);

        grant(SUPPORT_AGENTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(SUPPORT_AGENTS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(SUPPORT_AGENTS, Resources.FILTER, "*", Permissions.READ);
        grant(SUPPORT_AGENTS, Resources.DEPLOYMENT, "*", Permissions.READ);

        // Being in the engine's adminGroups opens no webapp and no query: the webapps list the apps a
        // user holds ACCESS to, and queries filter by authorizations. So platform admins hold every
        // permission on every resource, the grant Keycloak's plugin writes for its administrator group
        // (platform-admins there too, already present then) and Camunda's first-run setup writes for camunda-admin.
        for (Resources resource : Resources.values()) {
            grant(PLATFORM_ADMINS, resource, "*", Permissions.ALL);
        }

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

    /** Takes permissions back from an existing grant, such as one an earlier version of Blackstart wrote. */
    private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        for (Authorization authorization : authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).list()) {
            boolean changed = false;
            for (Permission permission : permissions) {
                if (authorization.isPermissionGranted(permission)) {
                    authorization.removePermission(permission);
                    changed = true;
                }
            }
            if (changed) {
                authorizations.saveAuthorization(authorization);
                LOG.info("BLACKSTART-SECURITY-050 group {} no longer has {} on {} {}", groupId,
                        Arrays.stream(permissions).map(Permission::getName).toList(), resource.resourceName(), resourceId);
            }
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
