package org.blackstart.testkit.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An access token Keycloak issued, with its claims decoded for assertions. Decoding here checks
 * nothing: verifying a token is the application's job, and the tests' subject.
 *
 * @param value  the JWT as sent in {@code Authorization: Bearer ...}
 * @param claims its payload
 */
public record AccessToken(String value, JsonNode claims) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AccessToken of(String value) {
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT (" + parts.length + " parts)");
        }
        try {
            return new AccessToken(value, JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (IOException e) {
            throw new UncheckedIOException("the token's payload is not JSON", e);
        }
    }

    /** {@code Bearer <token>}, for the {@code Authorization} header. */
    public String authorization() {
        return "Bearer " + value;
    }

    /** {@code aud}: one value or a list in the token, always a list here. */
    public List<String> audience() {
        return strings(claims.path("aud"));
    }

    /** {@code groups}: the user's group names (no paths), from the realm's group membership mapper. */
    public List<String> groups() {
        return strings(claims.path("groups"));
    }

    public String subject() {
        return claims.path("sub").asText();
    }

    public String issuer() {
        return claims.path("iss").asText();
    }

    public String preferredUsername() {
        return claims.path("preferred_username").asText();
    }

    /** {@code azp}: the client the token was issued to. */
    public String authorizedParty() {
        return claims.path("azp").asText();
    }

    public Instant expiresAt() {
        return Instant.ofEpochSecond(claims.path("exp").asLong());
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(element.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    /** The claims without the signature or the token itself: a test failure message may print this. */
    @Override
    public String toString() {
        return "AccessToken" + claims;
    }
}
