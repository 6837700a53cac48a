package org.blackstart.app.e2e.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.keycloak.BlackstartRealm;
import org.blackstart.testkit.keycloak.KeycloakServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application in Keycloak mode against a real Keycloak with Blackstart's realm (from the test kit):
 * people log in through Keycloak, {@code /api} and {@code /engine-rest} take its tokens, and the engine
 * reads users and groups from it. Every subclass shares this one application context, and its own
 * engine name keeps it apart from the other test contexts in the same JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class KeycloakPlatformIT {

    static final String ENGINE = "keycloakIt";
    /** Short, so that a removed group membership shows within a test. */
    static final Duration IDENTITY_CACHE_LIFETIME = Duration.ofSeconds(3);

    private static final int SMTP_PORT = LocalServers.freeLoopbackPort();
    private static final int IMAP_PORT = LocalServers.freeLoopbackPort();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void keycloakMode(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = KeycloakServer.shared();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-keycloak-it;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
        registry.add("blackstart.demo.mail.smtp-port", () -> SMTP_PORT);
        registry.add("blackstart.demo.mail.imap-port", () -> IMAP_PORT);
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
        registry.add("blackstart.bridge.retry-backoff", () -> "1s");
        registry.add("blackstart.keycloak.issuer-uri", keycloak::issuerUri);
        registry.add("blackstart.keycloak.web.client-id", () -> BlackstartRealm.WEB_CLIENT);
        registry.add("blackstart.keycloak.web.client-secret", () -> BlackstartRealm.WEB_CLIENT_SECRET);
        registry.add("blackstart.keycloak.engine.client-id", () -> BlackstartRealm.ENGINE_CLIENT);
        registry.add("blackstart.keycloak.engine.client-secret", () -> BlackstartRealm.ENGINE_CLIENT_SECRET);
        registry.add("blackstart.keycloak.identity-cache-lifetime", () -> IDENTITY_CACHE_LIFETIME.toMillis() + "ms");
        // an expired token is refused a second after its expiry, so a test need not wait the default half minute
        registry.add("blackstart.keycloak.token-clock-skew", () -> "1s");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestRestTemplate http;

    static KeycloakServer keycloak() {
        return KeycloakServer.shared();
    }

    /** A person's token from Keycloak (password = user name). */
    static String tokenOf(String user) {
        return keycloak().tokens().user(user).value();
    }

    /** This context's engine REST path, e.g. {@code engine("/task")}. */
    static String engine(String path) {
        return "/engine-rest/engine/" + ENGINE + path;
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected ResponseEntity<String> call(String token, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    protected static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getStatusCode() + " " + response.getBody(), e);
        }
    }

    /** Declares an incident with the token; returns its key. */
    protected String declare(String token, String title) {
        ResponseEntity<String> response = call(token, HttpMethod.POST, "/api/incidents",
                "{\"title\":\"" + title + "\",\"severity\":\"SEV2\"}");
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("declare failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response).path("key").asText();
    }

    /** The open task of the incident at {@code activityId} as {@code token} sees it, or null. */
    protected JsonNode task(String token, String incidentKey, String activityId) {
        JsonNode tasks = json(call(token, HttpMethod.GET, engine("/task?processInstanceBusinessKey=" + incidentKey
                + "&taskDefinitionKey=" + activityId), null));
        return tasks.isArray() && !tasks.isEmpty() ? tasks.get(0) : null;
    }

    /** How many incidents exist, as the platform admin sees them. */
    protected int incidentCount() {
        return json(call(tokenOf(BlackstartRealm.ADMIN), HttpMethod.GET, "/api/incidents?limit=1000", null)).size();
    }
}
