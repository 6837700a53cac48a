package org.blackstart.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.blackstart.app.oncall.DemoOnCallProperties;
import org.blackstart.app.oncall.Person;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoUsersRemovalTest {

    /** One engine for the class: building one takes seconds. */
    private static final ProcessEngine ENGINE = engine();
    private final IdentityService identity = ENGINE.getIdentityService();
    private final DemoOnCallProperties demoOnCall;

    DemoUsersRemovalTest() {
        Map<String, Person> people = new LinkedHashMap<>();
        people.put("commander", new Person("Casey Commander", "+31205550100", "commander@blackstart.local"));
        people.put("oncall-1", new Person("Olivia On-call", "+31205550101", "oncall-1@blackstart.local"));
        demoOnCall = new DemoOnCallProperties(people, Map.of(), Map.of());
    }

    private static ProcessEngine engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("demo-removal-" + UUID.randomUUID())
                .setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // as application.yml has it: group ids such as platform-admins, and no per-user lockout, which
        // would otherwise lock the operator's admin for seconds after the check for a demo password
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9._@-]+|camunda-admin");
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        return configuration.buildProcessEngine();
    }

    @AfterEach
    void removeUsersAndGroups() {
        identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
        identity.createGroupQuery().list().forEach(group -> identity.deleteGroup(group.getId()));
    }

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @Test
    void removesWhatTheDemoCreatedAndKeepsAnOperatorsUserOfTheSameName() {
        // given an operator's own admin with a real password, the demo's marked users (one with a new
        // password, one the demo made from a since-removed on-call person), and a commander from a demo
        // that predates the mark
        user("admin", "a-real-password-1", "platform-admins");
        user("agent", "changed-after-the-demo-made-it", "support-agents");
        DemoUserMark.mark(identity, "agent");
        user("oncall-9", "oncall-9", "on-call");
        DemoUserMark.mark(identity, "oncall-9");
        user("commander", "commander", "incident-commanders");
        user("oncall-1", "a-real-password-2", "on-call");

        // when the application starts with the demo off
        new DemoUsersRemoval(identity, demoOnCall).removeDemoUsers();

        // then
        assertThat(identity.createUserQuery().list()).extracting(User::getId)
                .containsExactlyInAnyOrder("admin", "oncall-1");
        assertThat(identity.checkPassword("admin", "a-real-password-1")).isTrue();
        assertThat(identity.createGroupQuery().groupMember("admin").singleResult().getId()).isEqualTo("platform-admins");
        assertThat(identity.createUserQuery().memberOfGroup("incident-commanders").count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup("support-agents").count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup("on-call").list()).extracting(User::getId)
                .containsExactly("oncall-1");
    }

    @Test
    void aSecondStartFindsNothingToRemove() {
        // given
        user("agent", "agent", "support-agents");
        DemoUserMark.mark(identity, "agent");
        DemoUsersRemoval removal = new DemoUsersRemoval(identity, demoOnCall);
        removal.removeDemoUsers();

        // when
        removal.removeDemoUsers();

        // then
        assertThat(identity.createUserQuery().count()).isZero();
    }

    private void user(String id, String password, String group) {
        User user = identity.newUser(id);
        user.setPassword(password);
        identity.saveUser(user);
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        identity.createMembership(id, group);
    }
}
