package org.blackstart.app.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Which bearer tokens {@code /api} and {@code /engine-rest} accept: signed with one of the realm's keys
 * (fetched from its JWKS endpoint when first needed, and again when a token names an unknown key),
 * issued by the realm, meant for Blackstart's API audience, and not expired (give or take the clock skew).
 */
final class KeycloakTokens {

    private KeycloakTokens() {
    }

    static JwtDecoder decoder(KeycloakProperties keycloak) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.endpoint("certs")).build();
        decoder.setJwtValidator(validator(keycloak));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(KeycloakProperties keycloak) {
        String audience = keycloak.apiAudience();
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(keycloak.tokenClockSkew()),
                new JwtIssuerValidator(keycloak.issuer()),
                // a token without an expiry would be valid forever
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                // a token the realm issued to another client is not meant for Blackstart
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }
}
