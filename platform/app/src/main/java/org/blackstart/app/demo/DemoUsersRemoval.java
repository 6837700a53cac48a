package org.blackstart.app.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.blackstart.app.oncall.DemoOnCallProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the demo off, the demo's users must not keep working: their passwords are their names and
 * everybody who read the README knows them. At every start without the demo, this removes the users
 * the demo created, with their group memberships. A user is the demo's when it carries the
 * {@link DemoUserMark}; users created by a demo before the mark existed are recognised by a demo user
 * id whose password is still that id, which no account worth keeping has. An operator's own
 * {@code admin} with a real password stays.
 */
@Component
@ConditionalOnProperty(prefix = "blackstart.demo", name = "enabled", havingValue = "false", matchIfMissing = true)
class DemoUsersRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsersRemoval.class);
    /** The users {@link DemoUsers} creates; {@link DemoOnCallUsers} adds the demo's on-call people. */
    private static final List<String> DEMO_USERS = List.of("commander", "commander-2", "agent", "admin");

    private final IdentityService identity;
    private final DemoOnCallProperties demoOnCall;

    DemoUsersRemoval(IdentityService identity, DemoOnCallProperties demoOnCall) {
        this.identity = identity;
        this.demoOnCall = demoOnCall;
    }

    /** Before the groups and authorizations are ensured, so nothing runs with a demo user still present. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(-1)
    void removeDemoUsers() {
        if (identity.isReadOnly()) {
            // Users come from an identity provider such as Keycloak: the demo never wrote any here.
            return;
        }
        Set<String> candidates = new LinkedHashSet<>(DEMO_USERS);
        candidates.addAll(demoOnCall.people().keySet());
        identity.createUserQuery().list().stream().map(User::getId)
                .filter(id -> DemoUserMark.isMarked(identity, id)).forEach(candidates::add);
        List<String> removed = new ArrayList<>();
        for (String id : candidates) {
            if (isDemoUser(id)) {
                identity.deleteUser(id);
                removed.add(id);
            }
        }
        if (removed.isEmpty()) {
            LOG.debug("BLACKSTART-APP-004 the demo is off and no demo users were found");
        } else {
            LOG.warn("BLACKSTART-APP-003 the demo is off: removed its users {} and their group memberships", removed);
        }
    }

    private boolean isDemoUser(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            return false;
        }
        return DemoUserMark.isMarked(identity, id) || identity.checkPassword(id, id);
    }
}
