package org.blackstart.app.demo;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.blackstart.app.security.GroupAuthorizations;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

class DemoUsersReadOnlyTest {

    @Test
    void withUsersFromKeycloakNoDemoUserIsWritten() {
        // given the engine's users and groups come from a read-only identity provider (Keycloak mode)
        IdentityService identity = mock(IdentityService.class);
        when(identity.isReadOnly()).thenReturn(true);
        GroupAuthorizations groups = mock(GroupAuthorizations.class);

        // when the demo starts
        new DemoUsers(identity, groups).createDemoUsers();

        // then it neither creates users, groups nor memberships, which the read-only provider would refuse
        verify(identity, never()).newUser(anyString());
        verify(identity, never()).saveUser(any());
        verify(identity, never()).createMembership(anyString(), anyString());
        verify(groups, never()).group(anyString(), anyString());
    }
}
