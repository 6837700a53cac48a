package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.blackstart.app.incident.IncidentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bad input gets a clear problem detail and changes nothing. */
class IncidentApiValidationIT extends PlatformIT {

    @Autowired
    IncidentRepository incidents;

    private long before;

    @BeforeEach
    void count() {
        before = incidents.count();
    }

    private void assertProblem(ResponseEntity<String> response, int status, String detailContains) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = api().json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).contains(detailContains);
        assertThat(incidents.count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void malformedJson() {
        assertProblem(api().send("commander", HttpMethod.POST, "/api/incidents", "{\"title\": \"x\""), 400, "malformed JSON");
    }

    @Test
    void unknownSeverityNamesTheFieldAndTheAllowedValues() {
        assertProblem(api().send("commander", HttpMethod.POST, "/api/incidents", "{\"title\":\"x\",\"severity\":\"SEV9\"}"),
                400, "severity must be one of SEV1, SEV2, SEV3, SEV4");
    }

    @Test
    void missingTitle() {
        ResponseEntity<String> response = api().send("commander", HttpMethod.POST, "/api/incidents", "{\"severity\":\"SEV1\"}");

        assertProblem(response, 400, "title is required");
        assertThat(api().json(response).path("errors").get(0).path("field").asText()).isEqualTo("title");
    }

    @Test
    void blankTitle() {
        assertProblem(api().send("commander", HttpMethod.POST, "/api/incidents", "{\"title\":\"   \"}"), 400, "title is required");
    }

    @Test
    void titleTooLong() {
        assertProblem(api().send("commander", HttpMethod.POST, "/api/incidents", "{\"title\":\"" + "x".repeat(201) + "\"}"),
                400, "title must be at most 200 characters");
    }

    @Test
    void misspelledField() {
        assertProblem(api().send("commander", HttpMethod.POST, "/api/incidents", "{\"title\":\"x\",\"sevrity\":\"SEV1\"}"),
                400, "unknown field 'sevrity'");
    }

    @Test
    void wrongType() {
        assertProblem(api().send("commander", HttpMethod.POST, "/api/incidents", "{\"title\":[1,2]}"), 400, "title");
    }

    @Test
    void oversizedBody() {
        String huge = "{\"title\":\"x\",\"summary\":\"" + "y".repeat(70_000) + "\"}";

        assertProblem(api().send("commander", HttpMethod.POST, "/api/incidents", huge), 413, "limit is 65536 bytes");
    }

    private ResponseEntity<String> post(String user, String password, MediaType type, String idempotencyKey, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.setContentType(type);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void notJson() {
        ResponseEntity<String> response = post("commander", "commander", MediaType.TEXT_PLAIN, null, "title=x");

        assertThat(response.getStatusCode().value()).isEqualTo(415);
        assertThat(incidents.count()).isEqualTo(before);
    }

    @Test
    void noCredentials() {
        assertProblem(api().send(null, HttpMethod.POST, "/api/incidents", "{\"title\":\"x\"}"), 401, "HTTP Basic");
    }

    @Test
    void unknownUser() {
        // Not a demo user: a wrong password would make the engine delay that user's next logins.
        ResponseEntity<String> response = post("mallory", "guess", MediaType.APPLICATION_JSON, null, "{\"title\":\"x\"}");

        assertProblem(response, 401, "HTTP Basic");
    }

    @Test
    void anAgentMayNotDeclare() {
        assertProblem(api().send("agent", HttpMethod.POST, "/api/incidents", "{\"title\":\"x\"}"), 403, "POST /api/incidents");
    }

    @Test
    void unknownIncident() {
        ResponseEntity<String> response = api().send("agent", HttpMethod.GET, "/api/incidents/INC-1999-9999", null);

        assertProblem(response, 404, "no incident with key INC-1999-9999");
    }

    @Test
    void theSameIdempotencyKeyTwiceDeclaresOnce() {
        String key = "retry-me-" + System.nanoTime();
        String body = "{\"title\":\"Retried declaration\"}";

        ResponseEntity<String> first = post("commander", "commander", MediaType.APPLICATION_JSON, key, body);
        ResponseEntity<String> second = post("commander", "commander", MediaType.APPLICATION_JSON, key, body);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(api().json(second).path("key").asText()).isEqualTo(api().json(first).path("key").asText());
        assertThat(incidents.count()).isEqualTo(before + 1);
    }

    @Test
    void listingRejectsANonsenseLimit() {
        ResponseEntity<String> response = api().send("agent", HttpMethod.GET, "/api/incidents?limit=0", null);

        assertProblem(response, 400, "limit");
    }
}
