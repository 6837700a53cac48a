package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class SpringSecurityAuthenticationProviderTest {

    private final SpringSecurityAuthenticationProvider provider = new SpringSecurityAuthenticationProvider();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void camundaRunsTheCallAsTheUserSpringSecurityAuthenticated() {
        // given
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "commander", null, List.of(new SimpleGrantedAuthority("GROUP_incident-commanders"))));

        // when
        AuthenticationResult result = provider.extractAuthenticatedUser(new MockHttpServletRequest(), null);

        // then the groups are left to the engine's identity service
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("commander");
        assertThat(result.getGroups()).isNull();
    }

    @Test
    void nobodyLoggedInIsNoCamundaUser() {
        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), null).isAuthenticated()).isFalse();
    }

    @Test
    void anAnonymousVisitorIsNoCamundaUser() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));

        assertThat(provider.extractAuthenticatedUser(new MockHttpServletRequest(), null).isAuthenticated()).isFalse();
    }
}
