package org.blackstart.app.e2e.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.blackstart.testkit.keycloak.AccessToken;
import org.blackstart.testkit.keycloak.BlackstartRealm;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api} and {@code /engine-rest} as OAuth 2.0 resource servers: whose tokens count, and for what. */
class KeycloakApiIT extends KeycloakPlatformIT {

    private static final String COMMANDER = BlackstartRealm.COMMANDER;
    private static final String AGENT = BlackstartRealm.AGENT;
    private static final String ADMIN = BlackstartRealm.ADMIN;

    @Test
    void aMonitoringSystemDeclaresAnIncidentWithItsServiceAccount() {
        // given the monitoring system's token (client credentials of blackstart-monitoring)
        AccessToken monitoring = keycloak().tokens().monitoring();

        // when it declares an incident
        ResponseEntity<String> declared = call(monitoring.value(), HttpMethod.POST, "/api/incidents",
                "{\"title\":\"Storage array degraded (from monitoring)\",\"severity\":\"SEV3\"}");

        // then the incident exists, declared by the service account
        assertThat(declared.getStatusCode().value()).as(declared.getBody()).isEqualTo(201);
        String key = json(declared).path("key").asText();
        JsonNode incident = json(call(tokenOf(COMMANDER), HttpMethod.GET, "/api/incidents/" + key, null)).path("incident");
        assertThat(incident.path("title").asText()).isEqualTo("Storage array degraded (from monitoring)");
        assertThat(incident.path("declaredBy").asText()).isEqualTo("service-account-" + BlackstartRealm.MONITORING_CLIENT);
    }

    @Test
    void anAgentCannotCompleteTheCommandersTriage() {
        // given a commander's incident waiting at triage
        String commander = tokenOf(COMMANDER);
        String key = declare(commander, "Webmail logins fail");
        JsonNode triage = await().atMost(Duration.ofSeconds(30)).until(() -> task(commander, key, "Triage"), t -> t != null);
        String agent = tokenOf(AGENT);

        // when the agent completes it through the engine's REST API, with a token of its own
        ResponseEntity<String> completed = call(agent, HttpMethod.POST, engine("/task/" + triage.path("id").asText()
                + "/complete"), "{\"variables\":{\"severity\":{\"value\":\"SEV4\"},\"affectedServices\":{\"value\":\"webmail\"},"
                + "\"customerImpact\":{\"value\":\"none\"}}}");

        // then the engine refuses, and the incident still waits at triage, as declared
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(403);
        assertThat(task(commander, key, "Triage")).isNotNull();
        JsonNode incident = json(call(commander, HttpMethod.GET, "/api/incidents/" + key, null)).path("incident");
        assertThat(incident.path("status").asText()).isEqualTo("declared");
        assertThat(incident.path("severity").asText()).isEqualTo("SEV2");
    }

    @Test
    void anAgentCannotGrantItselfRightsNorExportTheStatusPage() {
        // given
        String agent = tokenOf(AGENT);
        String admin = tokenOf(ADMIN);
        long authorizationsBefore = json(call(admin, HttpMethod.GET, engine("/authorization/count"), null)).path("count").asLong();

        // when the agent grants its group every right on every process, and asks for a status page export
        ResponseEntity<String> grant = call(agent, HttpMethod.POST, engine("/authorization/create"),
                "{\"type\":1,\"permissions\":[\"ALL\"],\"groupId\":\"support-agents\",\"resourceType\":6,\"resourceId\":\"*\"}");
        ResponseEntity<String> export = call(agent, HttpMethod.POST, "/api/statuspage/export", null);

        // then both are refused and no authorization was added
        assertThat(grant.getStatusCode().value()).as(grant.getBody()).isEqualTo(403);
        assertThat(export.getStatusCode().value()).as(export.getBody()).isEqualTo(403);
        assertThat(json(call(admin, HttpMethod.GET, engine("/authorization/count"), null)).path("count").asLong())
                .isEqualTo(authorizationsBefore);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        // the engine plugin's service account is a real token of the realm, but not meant for the API
        AccessToken otherAudience = keycloak().tokens().clientCredentials(BlackstartRealm.ENGINE_CLIENT,
                BlackstartRealm.ENGINE_CLIENT_SECRET);
        assertThat(otherAudience.audience()).doesNotContain(BlackstartRealm.API_AUDIENCE);

        assertRefusedEverywhere(otherAudience.value());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        // given a commander's real token, its claims signed again with the forger's own key under the realm's key id
        SignedJWT genuine = SignedJWT.parse(tokenOf(COMMANDER));
        RSAKey forgersKey = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forgersKey.getKeyID()).build(),
                genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(forgersKey));

        assertRefusedEverywhere(forged.serialize());
    }

    @Test
    void anExpiredTokenIsRefused() {
        // given a token the realm issued with a two-second lifetime, once it has expired
        int lifespan = keycloak().admin().realm().path("accessTokenLifespan").asInt();
        AccessToken expired;
        try {
            keycloak().admin().updateRealm(Map.of("accessTokenLifespan", 2));
            expired = keycloak().tokens().monitoring();
        } finally {
            keycloak().admin().updateRealm(Map.of("accessTokenLifespan", lifespan));
        }
        Instant refusedFrom = expired.expiresAt().plusSeconds(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(refusedFrom));

        assertRefusedEverywhere(expired.value());
    }

    @Test
    void theDemoPasswordsOpenNothing() {
        // given the realm's people have their names as passwords, but Blackstart takes only tokens in Keycloak mode
        HttpHeaders basic = new HttpHeaders();
        basic.setBasicAuth(COMMANDER, COMMANDER);
        basic.setContentType(MediaType.APPLICATION_JSON);
        int incidentsBefore = incidentCount();

        // when
        ResponseEntity<String> declare = http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>("{\"title\":\"Declared with a password\",\"severity\":\"SEV1\"}", basic), String.class);
        ResponseEntity<String> tasks = http.exchange(engine("/task"), HttpMethod.GET, new HttpEntity<>(basic), String.class);

        // then
        assertThat(declare.getStatusCode().value()).isEqualTo(401);
        assertThat(declare.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer realm=\"Blackstart\"");
        assertThat(tasks.getStatusCode().value()).isEqualTo(401);
        assertThat(incidentCount()).isEqualTo(incidentsBefore);
    }

    @Test
    void metricsAreForPlatformAdminsTokens() {
        assertThat(call(tokenOf(ADMIN), HttpMethod.GET, "/actuator/metrics", null).getStatusCode().value()).isEqualTo(200);
        assertThat(call(tokenOf(AGENT), HttpMethod.GET, "/actuator/metrics", null).getStatusCode().value()).isEqualTo(403);
        assertThat(call(null, HttpMethod.GET, "/actuator/metrics", null).getStatusCode().value()).isEqualTo(401);
        assertThat(call(null, HttpMethod.GET, "/actuator/health", null).getStatusCode().value()).isEqualTo(200);
    }

    /** 401 as a problem detail on /api and /engine-rest, and no incident declared with it. */
    private void assertRefusedEverywhere(String token) {
        int incidentsBefore = incidentCount();

        ResponseEntity<String> declare = call(token, HttpMethod.POST, "/api/incidents",
                "{\"title\":\"Declared with a bad token\",\"severity\":\"SEV1\"}");
        ResponseEntity<String> tasks = call(token, HttpMethod.GET, engine("/task"), null);
        ResponseEntity<String> start = call(token, HttpMethod.POST, engine("/process-definition/key/major-incident/start"),
                "{\"businessKey\":\"INC-2026-9999\"}");

        assertThat(declare.getStatusCode().value()).as(declare.getBody()).isEqualTo(401);
        assertThat(json(declare).path("title").asText()).isEqualTo("Unauthorized");
        assertThat(declare.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(tasks.getStatusCode().value()).as(tasks.getBody()).isEqualTo(401);
        assertThat(start.getStatusCode().value()).as(start.getBody()).isEqualTo(401);
        assertThat(incidentCount()).isEqualTo(incidentsBefore);
    }
}
