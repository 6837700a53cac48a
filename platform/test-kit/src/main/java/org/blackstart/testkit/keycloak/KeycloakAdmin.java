package org.blackstart.testkit.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes to the Blackstart realm while tests run, through Keycloak's admin REST API as the
 * server's bootstrap admin: what an administrator would do in Keycloak's console.
 */
public final class KeycloakAdmin {

    private static final String MASTER = "master";
    private static final String REALM = "/admin/realms/" + BlackstartRealm.NAME;

    private final KeycloakHttp http;
    private final String username;
    private final String password;
    private String token;
    private Instant tokenRenewal = Instant.MIN;

    KeycloakAdmin(KeycloakHttp http, String username, String password) {
        this.http = http;
        this.username = username;
        this.password = password;
    }

    /** Keycloak's id of the person (the {@code sub} of their tokens). */
    public String userId(String username) {
        JsonNode users = get("/users?exact=true&username=" + encode(username));
        if (users == null || users.isEmpty()) {
            throw new IllegalArgumentException("no user " + username + " in the realm " + BlackstartRealm.NAME);
        }
        return users.get(0).path("id").asText();
    }

    /** Keycloak's id of a top-level group. */
    public String groupId(String group) {
        return get("/group-by-path/" + encode(group)).path("id").asText();
    }

    /** The names of the groups the person is a direct member of. */
    public List<String> groupsOf(String username) {
        List<String> names = new ArrayList<>();
        get("/users/" + userId(username) + "/groups").forEach(group -> names.add(group.path("name").asText()));
        return names;
    }

    public void addToGroup(String username, String group) {
        http.call("PUT", REALM + "/users/" + userId(username) + "/groups/" + groupId(group), null, token());
    }

    public void removeFromGroup(String username, String group) {
        http.call("DELETE", REALM + "/users/" + userId(username) + "/groups/" + groupId(group), null, token());
    }

    /** The realm's settings: Keycloak's realm representation. */
    public JsonNode realm() {
        return get("");
    }

    /**
     * Changes realm settings: only the given fields of Keycloak's realm representation, e.g.
     * {@code Map.of("accessTokenLifespan", 10)}. The realm stays changed for the rest of the JVM.
     */
    public void updateRealm(Map<String, Object> fields) {
        http.call("PUT", REALM, fields, token());
    }

    /** Adds a client from Keycloak's client representation. */
    public void createClient(Map<String, Object> client) {
        http.call("POST", REALM + "/clients", client, token());
    }

    private JsonNode get(String path) {
        return http.call("GET", REALM + path, null, token());
    }

    // The master realm's admin tokens live 60 s; renewing a little early keeps a slow call valid.
    private synchronized String token() {
        if (Instant.now().isAfter(tokenRenewal)) {
            token = http.token(MASTER, Map.of("grant_type", "password", "client_id", "admin-cli",
                    "username", username, "password", password), "the bootstrap admin");
            tokenRenewal = AccessToken.of(token).expiresAt().minusSeconds(20);
        }
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
