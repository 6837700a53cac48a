package org.blackstart.app.demo;

import org.blackstart.app.oncall.DemoOnCallProperties;
import org.blackstart.app.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda users for the demo's on-call people ({@code blackstart.demo.oncall.people}) that are not
 * demo users already, password = user name, in the group {@code on-call}: Tasklist, where their
 * pages wait for them, and nothing else.
 */
@Component
@ConditionalOnProperty(prefix = "blackstart.demo", name = "enabled", havingValue = "true")
class DemoOnCallUsers {

    private final IdentityService identity;
    private final DemoOnCallProperties demo;

    DemoOnCallUsers(IdentityService identity, DemoOnCallProperties demo) {
        this.identity = identity;
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
                DemoUserMark.mark(identity, id);
            }
            // Demo users such as commander keep their groups; the others are on-call engineers.
            if (identity.createGroupQuery().groupMember(id).count() == 0) {
                identity.createMembership(id, Groups.ON_CALL);
            }
        });
    }
}
