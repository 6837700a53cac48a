package org.blackstart.app.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.keycloak.*}: single sign-on with Keycloak. Setting {@code issuer-uri} turns Keycloak
 * mode on; then the webapps log in through Keycloak, {@code /api} and {@code /engine-rest} take its
 * tokens, and the engine reads its users and groups from there. Unset, Blackstart keeps its own users.
 *
 * @param issuerUri             the realm, e.g. {@code https://sso.example.com/realms/blackstart}
 * @param web                   the confidential client people log in with (authorization code + PKCE)
 * @param apiAudience           the audience every token for {@code /api} and {@code /engine-rest} must carry
 * @param engine                the service account the engine reads users and groups with (realm-management
 *                              roles view-users and query-groups)
 * @param identityCacheLifetime how long the engine keeps users and group memberships read from Keycloak; a
 *                              person removed from a group loses its rights at the latest after this long
 * @param identityCacheSize     queries kept in each of the engine's identity caches
 * @param tokenClockSkew        how far this node's clock may be off Keycloak's when a token's expiry is checked
 */
@ConfigurationProperties("blackstart.keycloak")
@Validated
public record KeycloakProperties(URI issuerUri,
                                 Client web,
                                 @DefaultValue("blackstart-api") String apiAudience,
                                 Client engine,
                                 @DefaultValue("5m") Duration identityCacheLifetime,
                                 @DefaultValue("1000") int identityCacheSize,
                                 @DefaultValue("30s") Duration tokenClockSkew) {

    static final String PREFIX = "blackstart.keycloak.";

    public KeycloakProperties {
        if (issuerUri != null) {
            String uri = issuerUri.toString();
            if (!(uri.startsWith("http://") || uri.startsWith("https://")) || !uri.matches(".*/realms/[^/]+/?")) {
                throw new IllegalArgumentException(PREFIX + "issuer-uri: the realm's address, "
                        + "http(s)://<host>/realms/<realm> (was " + uri + ")");
            }
            issuerUri = URI.create(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri);
            require(web, "web");
            require(engine, "engine");
            if (apiAudience == null || apiAudience.isBlank()) {
                throw new IllegalArgumentException(PREFIX + "api-audience: required in Keycloak mode");
            }
            if (identityCacheLifetime == null || identityCacheLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(PREFIX + "identity-cache-lifetime: at least 1s (was "
                        + identityCacheLifetime + ")");
            }
            if (tokenClockSkew == null || tokenClockSkew.isNegative() || tokenClockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException(PREFIX + "token-clock-skew: between 0s and 5m (was " + tokenClockSkew + ")");
            }
            if (identityCacheSize < 1) {
                throw new IllegalArgumentException(PREFIX + "identity-cache-size: at least 1 (was " + identityCacheSize + ")");
            }
        }
    }

    /** Keycloak mode: people, tokens and groups come from Keycloak. */
    public boolean enabled() {
        return issuerUri != null;
    }

    String issuer() {
        return issuerUri.toString();
    }

    String endpoint(String name) {
        return issuer() + "/protocol/openid-connect/" + name;
    }

    /** Keycloak's admin API for this realm, where the identity plugin reads users and groups. */
    String adminUrl() {
        return issuer().replaceFirst("/realms/([^/]+)$", "/admin/realms/$1");
    }

    private static void require(Client client, String name) {
        if (client == null || client.clientId() == null || client.clientId().isBlank()) {
            throw new IllegalArgumentException(PREFIX + name + ".client-id: required when " + PREFIX
                    + "issuer-uri is set");
        }
        if (client.clientSecret() == null || client.clientSecret().isBlank()) {
            throw new IllegalArgumentException(PREFIX + name + ".client-secret: required when " + PREFIX
                    + "issuer-uri is set");
        }
    }

    /**
     * A confidential Keycloak client.
     *
     * @param clientId     the client's id in the realm
     * @param clientSecret its secret; never logged
     */
    public record Client(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Client[client-id=" + clientId + ", client-secret=******]";
        }
    }
}
