package org.blackstart.plugins.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one call the plugin makes to X: API v2 {@code POST /2/tweets} with {@code {"text": ...}},
 * answered by 201 {@code {"data": {"id", "text"}}}. Authorized with the OAuth 2.0 user access token
 * (renewed once when X answers 401) or signed with OAuth 1.0a. Remembers the last failure for the
 * plugin's health.
 */
class XApi {

    /** What became of a post: X created it ({@code id}), or refused it as a duplicate of one it has. */
    record Posted(String id, boolean duplicate) {
    }

    record Failure(Instant at, String description) {
    }

    /** X's words for a post whose text the account has posted before. */
    private static final String DUPLICATE = "duplicate content";

    private final XProperties properties;
    private final XHttp http;
    private final OAuth2Tokens tokens;
    private final OAuth1Signer signer;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();

    XApi(XProperties properties, XHttp http, OAuth2Tokens tokens, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.tokens = tokens;
        this.clock = clock;
        this.signer = properties.auth() == XProperties.Auth.OAUTH1
                ? new OAuth1Signer(properties.consumerKey(), properties.consumerSecret(), properties.accessToken(),
                properties.accessTokenSecret(), clock)
                : null;
    }

    Posted post(String text) {
        try {
            Posted posted = attempt(text);
            lastFailure.set(null);
            return posted;
        } catch (XApiException e) {
            if (e.httpStatus() != 429) {
                lastFailure.set(new Failure(clock.instant(), e.getMessage()));
            }
            throw e;
        }
    }

    Failure lastFailure() {
        return lastFailure.get();
    }

    private Posted attempt(String text) {
        URI uri = properties.endpoint("/2/tweets");
        String body = json.createObjectNode().put("text", text).toString();
        String authorization = authorization(uri);
        HttpResponse<String> response = http.send(request(uri, body, authorization), "a post");
        if (response.statusCode() == 401 && signer == null) {
            String renewed = tokens.renewAfterRejection(authorization.substring("Bearer ".length()));
            response = http.send(request(uri, body, "Bearer " + renewed), "a post");
        }
        if (response.statusCode() == 201 || response.statusCode() == 200) {
            String id = postId(response.body());
            if (id == null) {
                throw new XApiException("X answered " + response.statusCode() + " to a post without data.id", response.statusCode(),
                        null, null);
            }
            return new Posted(id, false);
        }
        Problem problem = problem(response.body());
        if (response.statusCode() == 403 && problem.says(DUPLICATE)) {
            return new Posted(null, true);
        }
        Instant reset = response.statusCode() == 429 ? rateLimitReset(response) : null;
        throw new XApiException("X refused the post as @" + properties.account() + ": HTTP " + response.statusCode()
                + problem.describe() + (reset == null ? "" : " (rate limit resets at " + reset + ")"),
                response.statusCode(), reset, null);
    }

    private String authorization(URI uri) {
        return signer != null ? signer.authorization("POST", uri, Map.of()) : "Bearer " + tokens.accessToken();
    }

    private HttpRequest request(URI uri, String body, String authorization) {
        return HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private Instant rateLimitReset(HttpResponse<String> response) {
        return response.headers().firstValue("x-rate-limit-reset").map(value -> {
            try {
                return Instant.ofEpochSecond(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(clock.instant().plusSeconds(15 * 60)); // X's windows are 15 minutes
    }

    private String postId(String body) {
        try {
            JsonNode id = json.readTree(body).path("data").path("id");
            return id.isMissingNode() || id.isNull() ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** An RFC 7807 problem as X v2 answers ({@code title}, {@code detail}), or X's older {@code errors[]}. */
    private record Problem(String title, String detail) {
        boolean says(String words) {
            return (detail != null && detail.contains(words)) || (title != null && title.contains(words));
        }

        String describe() {
            if (title == null && detail == null) {
                return "";
            }
            return ": " + (title == null ? "" : title) + (title != null && detail != null ? " - " : "")
                    + (detail == null ? "" : detail);
        }
    }

    private Problem problem(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null) {
                return new Problem(null, null);
            }
            String title = node.hasNonNull("title") ? node.get("title").asText() : null;
            String detail = node.hasNonNull("detail") ? node.get("detail").asText() : null;
            if (detail == null && node.path("errors").path(0).hasNonNull("message")) {
                detail = node.path("errors").path(0).get("message").asText();
            }
            return new Problem(title, detail);
        } catch (IOException | RuntimeException notJson) {
            return new Problem(null, null);
        }
    }
}
