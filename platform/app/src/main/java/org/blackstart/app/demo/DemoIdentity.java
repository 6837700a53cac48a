package org.blackstart.app.demo;

import static org.blackstart.app.security.Groups.INCIDENT_COMMANDERS;
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
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users {@code commander}, {@code agent} and {@code admin} (password = name) and the
 * authorizations Blackstart's groups need. Commanders declare and run incidents and may read every
 * task; agents see only the tasks offered to their group, the notice reviews. Tasks offered to a
 * group are authorized to it by the engine itself, with TASK_WORK.
 */
@Component
@ConditionalOnProperty(prefix = "blackstart.demo", name = "enabled", havingValue = "true")
class DemoIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentity.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    DemoIdentity(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void createDemoUsers() {
        group(INCIDENT_COMMANDERS, "Incident commanders");
        group(SUPPORT_AGENTS, "Support agents");
        group(PLATFORM_ADMINS, "Platform administrators");
        user("commander", "Casey", "Commander", INCIDENT_COMMANDERS);
        user("agent", "Alex", "Agent", SUPPORT_AGENTS);
        user("admin", "Ada", "Admin", PLATFORM_ADMINS);
        // The webapps show their first-run setup page until a member of camunda-admin exists.
        group(Groups.CAMUNDA_ADMIN, "Camunda administrators");
        if (identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
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

        LOG.warn("BLACKSTART-APP-001 demo users are active (commander, agent, admin; password = user name). "
                + "Set blackstart.demo.enabled=false for anything but a trial.");
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    private void user(String id, String first, String last, String groupId) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@blackstart.local");
            user.setPassword(id);
            identity.saveUser(user);
            identity.createMembership(id, groupId);
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
