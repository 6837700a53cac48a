package org.blackstart.app.demo;

import static org.blackstart.app.security.Groups.INCIDENT_COMMANDERS;
import static org.blackstart.app.security.Groups.PLATFORM_ADMINS;
import static org.blackstart.app.security.Groups.SUPPORT_AGENTS;

import org.blackstart.app.security.GroupAuthorizations;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo users {@code commander}, {@code commander-2}, {@code agent} and {@code admin}, each with its own name as password. */
@Component
@ConditionalOnProperty(prefix = "blackstart.demo", name = "enabled", havingValue = "true")
class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;
    private final GroupAuthorizations groups;

    DemoUsers(IdentityService identity, GroupAuthorizations groups) {
        this.identity = identity;
        this.groups = groups;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void createDemoUsers() {
        if (identity.isReadOnly()) {
            // Keycloak mode: people and their groups are managed in Keycloak, the engine cannot write them
            LOG.info("BLACKSTART-APP-006 demo users skipped: users and groups come from a read-only identity provider");
            return;
        }
        user("commander", "Casey", "Commander", INCIDENT_COMMANDERS);
        // A second commander: a postmortem is reviewed by someone other than its author.
        user("commander-2", "Robin", "Reviewer", INCIDENT_COMMANDERS);
        user("agent", "Alex", "Agent", SUPPORT_AGENTS);
        user("admin", "Ada", "Admin", PLATFORM_ADMINS);
        // The webapps show their first-run setup page until a member of camunda-admin exists.
        groups.group(Groups.CAMUNDA_ADMIN, "Camunda administrators");
        if (identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
        }
        LOG.warn("BLACKSTART-APP-001 demo users are active (commander, commander-2, agent, admin; password = user name). "
                + "Set blackstart.demo.enabled=false for anything but a trial.");
    }

    private void user(String id, String first, String last, String groupId) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@blackstart.local");
            user.setPassword(id);
            identity.saveUser(user);
            DemoUserMark.mark(identity, id);
            identity.createMembership(id, groupId);
        }
    }
}
