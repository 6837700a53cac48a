package org.blackstart.app.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a verified Keycloak token speaks for: the user named by {@code preferred_username} (a service
 * account is {@code service-account-<client>}), with that user's engine groups as {@code GROUP_<id>}.
 * The groups are read from the engine, not from the token, so a person removed from a group in Keycloak
 * loses its rights once the engine's identity cache expires, not only when the token does.
 */
class KeycloakCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String USER_NAME_CLAIM = "preferred_username";

    private final IdentityService identity;

    KeycloakCallers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String user = jwt.getClaimAsString(USER_NAME_CLAIM);
        if (user == null || user.isBlank()) {
            throw new InvalidBearerTokenException("the token names no user (" + USER_NAME_CLAIM + ")");
        }
        List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(id -> new SimpleGrantedAuthority(Groups.authority(id))).toList();
        return new JwtAuthenticationToken(jwt, authorities, user);
    }
}
