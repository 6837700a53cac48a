package org.blackstart.app.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What a user's script does: the Blackstart API and Camunda's engine REST, as one user. */
public class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;
    private final String engineRest;

    public Api(TestRestTemplate http) {
        this(http, null);
    }

    /**
     * For a test context with its own engine name: Camunda's REST API finds engines in a JVM-wide
     * registry, and without a name it would serve whichever context registered "default".
     */
    public Api(TestRestTemplate http, String engineName) {
        this.http = http;
        this.engineRest = engineName == null ? "/engine-rest" : "/engine-rest/engine/" + engineName;
    }

    /** The engine REST path of this API's engine, e.g. {@code engine("/task")}. */
    public String engine(String path) {
        return engineRest + path;
    }

    public ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    public JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** Declares an incident as {@code user}; returns its key. */
    public String declare(String user, String title) {
        ResponseEntity<String> response = send(user, HttpMethod.POST, "/api/incidents",
                "{\"title\":\"" + title + "\",\"severity\":\"SEV2\"}");
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("declare failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response).path("key").asText();
    }

    /** The open task of the incident (or its notice sub-process) at {@code activityId}, once it exists. */
    public JsonNode awaitTask(String user, String incidentKey, String activityId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> task(user, incidentKey, activityId), task -> task != null);
    }

    public JsonNode task(String user, String incidentKey, String activityId) {
        JsonNode tasks = json(send(user, HttpMethod.GET, engineRest + "/task?processInstanceBusinessKey=" + incidentKey
                + "&taskDefinitionKey=" + activityId, null));
        return tasks.isArray() && !tasks.isEmpty() ? tasks.get(0) : null;
    }

    public ResponseEntity<String> claimAndComplete(String user, JsonNode task, Map<String, Object> variables) {
        String id = task.path("id").asText();
        send(user, HttpMethod.POST, engineRest + "/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}");
        return complete(user, id, variables);
    }

    public ResponseEntity<String> complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        try {
            return send(user, HttpMethod.POST, engineRest + "/task/" + taskId + "/complete",
                    JSON.writeValueAsString(Map.of("variables", typed)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode incident(String user, String key) {
        return json(send(user, HttpMethod.GET, "/api/incidents/" + key, null));
    }

    /** The key of the newest incident with this title, as a commander lists them, or {@code null}. */
    public String incidentTitled(String title) {
        for (JsonNode incident : json(send("commander", HttpMethod.GET, "/api/incidents?limit=1000", null))) {
            if (incident.path("title").asText().equals(title)) {
                return incident.path("key").asText();
            }
        }
        return null;
    }

    /**
     * A resolved incident is monitored for hours before it closes by itself: the commander closes it early, as soon as
     * the resolved notice is out (until then the close is refused with 409). Returns the incident's details, closed.
     */
    public JsonNode closeEarly(String commander, String key, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> send(commander, HttpMethod.POST,
                "/api/incidents/" + key + "/close", "{\"reason\": \"test over\"}").getStatusCode().value(), status -> status == 200);
        return incident(commander, key);
    }
}
