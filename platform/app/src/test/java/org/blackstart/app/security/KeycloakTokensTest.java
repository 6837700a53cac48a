package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakTokensTest {

    private static final String ISSUER = "https://sso.example.com/realms/blackstart";

    private final OAuth2TokenValidator<Jwt> validator = KeycloakTokens.validator(new KeycloakProperties(URI.create(ISSUER),
            new KeycloakProperties.Client("blackstart-web", "s1"), "blackstart-api",
            new KeycloakProperties.Client("blackstart-engine", "s2"), Duration.ofMinutes(5), 100, Duration.ofSeconds(30)));

    private static Jwt.Builder token() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).audience(List.of("blackstart-api"))
                .issuedAt(now.minusSeconds(10)).expiresAt(now.plusSeconds(300)).claim("preferred_username", "commander");
    }

    @Test
    void aTokenFromTheRealmForTheApiIsAccepted() {
        assertThat(validator.validate(token().build()).hasErrors()).isFalse();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(validator.validate(token().audience(List.of("account")).build()).hasErrors()).isTrue();
    }

    @Test
    void aTokenFromAnotherRealmIsRefused() {
        assertThat(validator.validate(token().issuer("https://sso.example.com/realms/other").build()).hasErrors()).isTrue();
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertThat(validator.validate(token().issuedAt(past.minusSeconds(300)).expiresAt(past).build()).hasErrors()).isTrue();
    }

    @Test
    void aTokenJustExpiredIsAcceptedWithinTheClockSkew() {
        Instant justNow = Instant.now().minusSeconds(5);
        assertThat(validator.validate(token().issuedAt(justNow.minusSeconds(300)).expiresAt(justNow).build()).hasErrors()).isFalse();
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        Jwt forever = token().claims(claims -> claims.remove("exp")).build();
        assertThat(validator.validate(forever).hasErrors()).isTrue();
    }
}
