package org.blackstart.plugins.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one call the plugin makes: {@code POST /api/v1/statuses} with the Bearer token and an
 * {@code Idempotency-Key}, which Mastodon remembers for an hour and answers with the status it made
 * the first time, so a resend after a crash does not post twice.
 */
class MastodonApi {

    /** The status the instance created (or had created for the same Idempotency-Key). */
    record Status(String id, String url) {
    }

    record Failure(Instant at, String description) {
    }

    private final MastodonProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();

    MastodonApi(MastodonProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Status post(String text, String language, String idempotencyKey) {
        try {
            Status status = send(text, language, idempotencyKey);
            lastFailure.set(null);
            return status;
        } catch (MastodonApiException e) {
            if (e.httpStatus() != 429 && !e.refused()) {
                lastFailure.set(new Failure(clock.instant(), e.getMessage()));
            }
            throw e;
        }
    }

    Failure lastFailure() {
        return lastFailure.get();
    }

    private Status send(String text, String language, String idempotencyKey) {
        URI uri = properties.endpoint("/api/v1/statuses");
        ObjectNode body = json.createObjectNode().put("status", text)
                .put("visibility", properties.visibility().apiValue());
        if (language != null && !language.isBlank()) {
            body.put("language", language);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + properties.accessToken())
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MastodonApiException("Mastodon instance " + uri.getHost() + " unreachable: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MastodonApiException("interrupted while posting to Mastodon", 0, null, e);
        }
        if (response.statusCode() == 200) {
            try {
                JsonNode status = json.readTree(response.body());
                if (status != null && status.hasNonNull("id")) {
                    String url = status.hasNonNull("url") ? status.get("url").asText()
                            : status.hasNonNull("uri") ? status.get("uri").asText() : status.get("id").asText();
                    return new Status(status.get("id").asText(), url);
                }
            } catch (IOException notJson) {
                // reported below
            }
            throw new MastodonApiException("Mastodon instance " + uri.getHost() + " answered 200 without a status",
                    200, null, null);
        }
        String error = errorOf(response.body());
        Instant reset = response.statusCode() == 429 ? reset(response) : null;
        String advice = response.statusCode() == 401 || response.statusCode() == 403
                ? "; check blackstart.plugins.mastodon.access-token (revoked, or without scope write:statuses)" : "";
        throw new MastodonApiException("Mastodon instance " + uri.getHost() + " refused the status: HTTP "
                + response.statusCode() + (error == null ? "" : ": " + error)
                + (reset == null ? "" : " (rate limit resets at " + reset + ")") + advice,
                response.statusCode(), reset, null);
    }

    private Instant reset(HttpResponse<String> response) {
        return response.headers().firstValue("X-RateLimit-Reset").map(value -> {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }).orElse(clock.instant().plusSeconds(5 * 60)); // Mastodon's windows are five minutes
    }

    private String errorOf(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.hasNonNull("error") ? node.get("error").asText() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
