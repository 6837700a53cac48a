package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class KeycloakCallersTest {

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    private final KeycloakCallers callers = new KeycloakCallers(identity);

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    }

    private static Group group(String id) {
        Group group = mock(Group.class);
        when(group.getId()).thenReturn(id);
        return group;
    }

    @Test
    void theCallerIsTheTokensUserWithTheEnginesGroups() {
        // given Keycloak (through the engine) has the service account in the commanders' group
        List<Group> groups = List.of(group(Groups.INCIDENT_COMMANDERS));
        when(identity.createGroupQuery().groupMember("service-account-blackstart-monitoring").list()).thenReturn(groups);

        // when
        AbstractAuthenticationToken caller = callers.convert(token().subject("0b9c")
                .claim("preferred_username", "service-account-blackstart-monitoring")
                .claim("groups", List.of("platform-admins")).build());

        // then groups in the token do not count, the engine's do
        assertThat(caller.getName()).isEqualTo("service-account-blackstart-monitoring");
        assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("GROUP_incident-commanders");
    }

    @Test
    void aTokenWithoutAUserNameIsRefused() {
        assertThatThrownBy(() -> callers.convert(token().subject("0b9c").build()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("preferred_username");
    }
}
