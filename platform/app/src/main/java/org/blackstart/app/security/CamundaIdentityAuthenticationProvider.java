package org.blackstart.app.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API credentials against the engine's identity service, the same users and groups that
 * log in to Tasklist; each group becomes an authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("wrong user name or password");
        }
        List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
