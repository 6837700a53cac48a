package org.blackstart.testkit.keycloak;

import java.util.Map;

/**
 * Access tokens from the Blackstart realm, the way clients get them. People log in to the webapps
 * through the browser (authorization code + PKCE); the realm's own clients allow no password grant.
 * For tests that need a person's token without a browser, the kit adds a client of its own,
 * {@value #TEST_CLIENT}, to the running server only (never to the export): a public client with the
 * password grant and the same audience and group claims as {@link BlackstartRealm#WEB_CLIENT}.
 */
public final class KeycloakTokens {

    /** Exists only on the test server; see {@link KeycloakServer}. */
    public static final String TEST_CLIENT = "blackstart-tests-password-grant";

    private final KeycloakHttp http;

    KeycloakTokens(KeycloakHttp http) {
        this.http = http;
    }

    /** A service account's token (client credentials grant). */
    public AccessToken clientCredentials(String clientId, String secret) {
        return AccessToken.of(http.token(BlackstartRealm.NAME, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret), "client " + clientId));
    }

    /** The monitoring system's token: audience {@code blackstart-api}, group {@code incident-commanders}. */
    public AccessToken monitoring() {
        return clientCredentials(BlackstartRealm.MONITORING_CLIENT, BlackstartRealm.MONITORING_CLIENT_SECRET);
    }

    /** A demo person's token (password = user name), issued to {@value #TEST_CLIENT}. */
    public AccessToken user(String username) {
        return password(username, BlackstartRealm.passwordOf(username));
    }

    /** A person's token for this password, issued to {@value #TEST_CLIENT}; a wrong password fails with Keycloak's answer. */
    public AccessToken password(String username, String password) {
        return AccessToken.of(http.token(BlackstartRealm.NAME, Map.of("grant_type", "password", "client_id", TEST_CLIENT,
                "username", username, "password", password, "scope", "openid"), "user " + username));
    }
}
