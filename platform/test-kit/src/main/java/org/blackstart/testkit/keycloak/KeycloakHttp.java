package org.blackstart.testkit.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP + JSON calls to one Keycloak server; failures name the call and Keycloak's answer, never a secret sent. */
final class KeycloakHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    KeycloakHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** POSTs a form to a token endpoint and returns the answer's {@code access_token}. */
    String token(String realm, Map<String, String> form, String description) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request("/realms/" + realm + "/protocol/openid-connect/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JsonNode answer = json(send(request, "token for " + description));
        return answer.path("access_token").asText();
    }

    /** Sends a JSON request (null body: none) with a bearer token; the answer's JSON, or null when empty. */
    JsonNode call(String method, String path, Object body, String bearer) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = request(path)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        return json(send(request, method + " " + path));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    private String send(HttpRequest request, String description) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak refused the " + description + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + baseUrl + " did not answer the " + description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the " + description, e);
        }
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak answered something else than JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
