package org.blackstart.app.demo;

import org.blackstart.app.oncall.DemoOnCallProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda users for the demo's on-call people ({@code blackstart.demo.oncall.people}) that are not
 * demo users already, password = user name, allowed into Tasklist, where their pages wait for them.
 * They join no group: an on-call engineer is neither commander nor agent.
 */
@Component
@ConditionalOnProperty(prefix = "blackstart.demo", name = "enabled", havingValue = "true")
class DemoOnCallUsers {

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final DemoOnCallProperties demo;

    DemoOnCallUsers(IdentityService identity, AuthorizationService authorizations, DemoOnCallProperties demo) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.demo = demo;
    }

    /** After {@link DemoUsers}, so that commander keeps its groups and name. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(2)
    void createOnCallUsers() {
        if (identity.isReadOnly()) {
            return;
        }
        demo.people().forEach((id, person) -> {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                int space = person.name().indexOf(' ');
                user.setFirstName(space < 0 ? person.name() : person.name().substring(0, space));
                user.setLastName(space < 0 ? "" : person.name().substring(space + 1));
                user.setEmail(person.email());
                user.setPassword(id);
                identity.saveUser(user);
            }
            boolean mayUseTasklist = authorizations.createAuthorizationQuery().userIdIn(id)
                    .resourceType(Resources.APPLICATION).resourceId("tasklist").count() > 0;
            if (!mayUseTasklist && identity.createGroupQuery().groupMember(id).count() == 0) {
                Authorization tasklist = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                tasklist.setUserId(id);
                tasklist.setResource(Resources.APPLICATION);
                tasklist.setResourceId("tasklist");
                tasklist.addPermission(Permissions.ACCESS);
                authorizations.saveAuthorization(tasklist);
            }
        });
    }
}
