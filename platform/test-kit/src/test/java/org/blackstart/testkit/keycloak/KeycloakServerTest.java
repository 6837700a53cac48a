package org.blackstart.testkit.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real Keycloak with Blackstart's realm, as the application and its tests will meet it. */
class KeycloakServerTest {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServerTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    // The S256 challenge of RFC 7636's example verifier.
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final KeycloakServer server = KeycloakServer.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheRealmsDiscoveryDocumentOnLoopback() throws Exception {
        // when
        HttpResponse<String> discovery = get(server.issuerUri() + "/.well-known/openid-configuration");

        // then
        LOG.info("{} took {} ms to start", server, server.startup().toMillis());
        assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(discovery.body());
        assertThat(document.path("issuer").asText()).isEqualTo(server.issuerUri());
        assertThat(document.path("jwks_uri").asText()).isEqualTo(server.jwkSetUri());
        assertThat(document.path("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(KeycloakServer.shared()).isSameAs(server);
    }

    @Test
    void givesTheMonitoringServiceAccountATokenForTheApiAsAnIncidentCommander() {
        // when
        AccessToken token = server.tokens().monitoring();

        // then
        assertThat(token.issuer()).isEqualTo(server.issuerUri());
        assertThat(token.audience()).contains(BlackstartRealm.API_AUDIENCE);
        assertThat(token.authorizedParty()).isEqualTo(BlackstartRealm.MONITORING_CLIENT);
        assertThat(token.groups()).containsExactly(BlackstartRealm.INCIDENT_COMMANDERS);
    }

    @Test
    void givesACommanderATokenForTheApiWithTheirGroup() {
        // when
        AccessToken token = server.tokens().user(BlackstartRealm.COMMANDER);

        // then
        assertThat(token.preferredUsername()).isEqualTo(BlackstartRealm.COMMANDER);
        assertThat(token.subject()).isEqualTo(server.admin().userId(BlackstartRealm.COMMANDER));
        assertThat(token.audience()).contains(BlackstartRealm.API_AUDIENCE);
        assertThat(token.groups()).containsExactly(BlackstartRealm.INCIDENT_COMMANDERS);
    }

    @Test
    void aPersonRemovedFromAGroupHasItNoLongerInTheirNextToken() {
        // given
        assertThat(server.tokens().user(BlackstartRealm.AGENT).groups()).containsExactly(BlackstartRealm.SUPPORT_AGENTS);

        try {
            // when
            server.admin().removeFromGroup(BlackstartRealm.AGENT, BlackstartRealm.SUPPORT_AGENTS);

            // then
            assertThat(server.tokens().user(BlackstartRealm.AGENT).groups()).isEmpty();
            assertThat(server.admin().groupsOf(BlackstartRealm.AGENT)).isEmpty();
        } finally {
            server.admin().addToGroup(BlackstartRealm.AGENT, BlackstartRealm.SUPPORT_AGENTS);
        }
        assertThat(server.tokens().user(BlackstartRealm.AGENT).groups()).containsExactly(BlackstartRealm.SUPPORT_AGENTS);
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> server.tokens().password(BlackstartRealm.ONCALL_1, "wrong"))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void theWebClientAllowsNoPasswordGrant() throws Exception {
        // when
        HttpResponse<String> answer = postForm(server.issuerUri() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", BlackstartRealm.WEB_CLIENT,
                "client_secret", BlackstartRealm.WEB_CLIENT_SECRET,
                "username", BlackstartRealm.COMMANDER, "password", BlackstartRealm.COMMANDER));

        // then
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("unauthorized_client");
    }

    @Test
    void theWebClientRedirectsOnlyToLoopbackOnAnyPortAndOnlyWithPkce() throws Exception {
        // when
        HttpResponse<String> appOnSomePort = authorize("http://127.0.0.1:34567/login/oauth2/code/keycloak", true);
        HttpResponse<String> appOnLocalhost = authorize("http://localhost:8080/login/oauth2/code/keycloak", true);
        HttpResponse<String> foreignSite = authorize("http://evil.example/login/oauth2/code/keycloak", true);
        HttpResponse<String> lookalike = authorize("http://127.0.0.1.evil.example/login/oauth2/code/keycloak", true);
        HttpResponse<String> withoutPkce = authorize("http://127.0.0.1:34567/login/oauth2/code/keycloak", false);

        // then
        assertThat(appOnSomePort.statusCode()).isEqualTo(200);
        assertThat(appOnSomePort.body()).contains("kc-form-login");
        assertThat(appOnLocalhost.statusCode()).isEqualTo(200);
        assertThat(appOnLocalhost.body()).contains("kc-form-login");
        assertThat(foreignSite.statusCode()).isEqualTo(400);
        assertThat(foreignSite.body()).contains("Invalid parameter: redirect_uri");
        assertThat(lookalike.statusCode()).isEqualTo(400);
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("error=invalid_request").contains("code_challenge_method"));
    }

    @Test
    void theWebClientReturnsAfterLogoutOnlyToLoopback() throws Exception {
        // when
        HttpResponse<String> toTheApp = logout("http://127.0.0.1:34567/login?logout");
        HttpResponse<String> toAForeignSite = logout("http://evil.example/");

        // then: without a session to end, Keycloak sends the browser straight back
        assertThat(toTheApp.statusCode()).isEqualTo(302);
        assertThat(toTheApp.headers().firstValue("Location")).hasValue("http://127.0.0.1:34567/login?logout");
        assertThat(toAForeignSite.statusCode()).isEqualTo(400);
        assertThat(toAForeignSite.headers().firstValue("Location")).isEmpty();
        assertThat(toAForeignSite.body()).contains("Invalid redirect uri");
    }

    @Test
    void realmSettingsChangedThroughTheAdminHelperApplyToTheNextToken() {
        // given
        int lifespan = server.admin().realm().path("accessTokenLifespan").asInt();
        assertThat(lifespan).isPositive();

        try {
            // when
            server.admin().updateRealm(Map.of("accessTokenLifespan", 120));

            // then
            AccessToken token = server.tokens().user(BlackstartRealm.ONCALL_2);
            assertThat(token.claims().path("exp").asLong() - token.claims().path("iat").asLong()).isEqualTo(120);
            assertThat(server.admin().realm().path("bruteForceProtected").asBoolean()).isTrue();
        } finally {
            server.admin().updateRealm(Map.of("accessTokenLifespan", lifespan));
        }
        AccessToken restored = server.tokens().user(BlackstartRealm.ONCALL_2);
        assertThat(restored.claims().path("exp").asLong() - restored.claims().path("iat").asLong()).isEqualTo(lifespan);
    }

    @Test
    void theEngineServiceAccountReadsUsersAndGroupsAndChangesNothing() throws Exception {
        // given
        AccessToken engine = server.tokens().clientCredentials(BlackstartRealm.ENGINE_CLIENT,
                BlackstartRealm.ENGINE_CLIENT_SECRET);
        String group = server.admin().groupId(BlackstartRealm.ON_CALL);

        // when
        HttpResponse<String> users = get(server.adminUrl() + "/users?username=" + BlackstartRealm.ONCALL_2, engine);
        HttpResponse<String> members = get(server.adminUrl() + "/groups/" + group + "/members", engine);
        HttpResponse<String> deletion = send(HttpRequest.newBuilder(URI.create(server.adminUrl() + "/groups/" + group))
                .header("Authorization", engine.authorization()).DELETE().build());

        // then
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("\"username\":\"oncall-2\"", "\"email\":\"oncall-2@blackstart.local\"");
        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(members.body()).contains("\"username\":\"oncall-1\"", "\"username\":\"oncall-2\"");
        assertThat(deletion.statusCode()).isEqualTo(403);
        assertThat(server.admin().groupId(BlackstartRealm.ON_CALL)).isEqualTo(group);
        assertThat(engine.audience()).doesNotContain(BlackstartRealm.API_AUDIENCE);
    }

    private HttpResponse<String> authorize(String redirectUri, boolean pkce) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", BlackstartRealm.WEB_CLIENT);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", redirectUri);
        if (pkce) {
            query.put("code_challenge", CHALLENGE);
            query.put("code_challenge_method", "S256");
        }
        return get(server.issuerUri() + "/protocol/openid-connect/auth?" + form(query));
    }

    private HttpResponse<String> logout(String postLogoutRedirectUri) throws Exception {
        return get(server.issuerUri() + "/protocol/openid-connect/logout?" + form(Map.of(
                "client_id", BlackstartRealm.WEB_CLIENT, "post_logout_redirect_uri", postLogoutRedirectUri)));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> get(String url, AccessToken token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", token.authorization()).GET().build());
    }

    private HttpResponse<String> postForm(String url, Map<String, String> fields) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
