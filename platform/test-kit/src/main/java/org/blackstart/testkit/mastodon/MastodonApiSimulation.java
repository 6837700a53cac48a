package org.blackstart.testkit.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.blackstart.testkit.LocalServers;

/**
 * A Mastodon instance's {@code POST /api/v1/statuses} as the API reference describes it: Bearer
 * token; JSON or form parameters {@code status}, {@code visibility}, {@code language}; 200 with the
 * Status entity ({@code id}, {@code uri}, {@code url}, {@code content}, ...); the same
 * {@code Idempotency-Key} answers with the status made the first time instead of a second one;
 * 422 {@code {"error": "Validation failed: ..."}} for an empty text or one over 500 characters;
 * 401 {@code {"error": "The access token is invalid"}}; 429 with {@code X-RateLimit-Reset} as an
 * ISO 8601 timestamp, as every answer carries the {@code X-RateLimit-*} headers.
 */
public final class MastodonApiSimulation implements AutoCloseable {

    public static final String STATUSES = "/api/v1/statuses";
    public static final String ACCESS_TOKEN = "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0";
    public static final String ACCOUNT = "status";
    public static final int CHARACTER_LIMIT = 500;

    private final InstanceState state;
    private final WireMockServer server;
    private final List<StubMapping> overrides = new ArrayList<>();

    private MastodonApiSimulation() {
        int port = LocalServers.freeLoopbackPort();
        state = new InstanceState("http://127.0.0.1:" + port);
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(port).extensions(state));
        server.start();
        server.stubFor(post(urlPathEqualTo(STATUSES)).atPriority(5).willReturn(aResponse().withTransformers(InstanceState.NAME)));
    }

    public static MastodonApiSimulation start() {
        return new MastodonApiSimulation();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The next post is refused with 429 until {@code reset}. */
    public void rateLimitNextPost(Instant reset) {
        overrides.add(server.stubFor(post(urlPathEqualTo(STATUSES)).atPriority(0).inScenario("rate-limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(error(429, "Too many requests")
                        .withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", reset.truncatedTo(ChronoUnit.MILLIS).toString()))));
    }

    /** The token is revoked in the account's settings: every post gets 401 until {@link #recover()}. */
    public void revokeToken() {
        overrides.add(server.stubFor(post(anyUrl()).atPriority(0)
                .willReturn(error(401, "The access token is invalid"))));
    }

    /** Every request fails with 502 (the instance's proxy without its backend) until {@link #recover()}. */
    public void breakDown() {
        overrides.add(server.stubFor(post(anyUrl()).atPriority(0)
                .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"))));
    }

    public void recover() {
        overrides.forEach(server::removeStub);
        overrides.clear();
        server.resetScenarios();
    }

    /** The texts of the statuses the instance created, oldest first. */
    public List<String> statuses() {
        return state.statuses();
    }

    public List<LoggedRequest> requests() {
        List<LoggedRequest> newestFirst = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().equals(STATUSES)).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** HTTP statuses of the answers to posts, oldest first. */
    public List<Integer> answers() {
        List<Integer> newestFirst = new ArrayList<>(server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(STATUSES)).map(e -> e.getResponse().getStatus()).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static ResponseDefinitionBuilder error(int status, String error) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(Json.write(Map.of("error", error)));
    }

    /** The account's statuses and the idempotency keys seen in the last hour. */
    private static final class InstanceState implements ResponseDefinitionTransformerV2 {

        static final String NAME = "mastodon-instance";

        private final String base;
        private final AtomicLong ids = new AtomicLong(113_512_345_678_900_000L);
        private final List<String> statuses = new ArrayList<>();
        private final Map<String, String> byIdempotencyKey = new HashMap<>();

        InstanceState(String base) {
            this.base = base;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        synchronized List<String> statuses() {
            return List.copyOf(statuses);
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            if (!("Bearer " + ACCESS_TOKEN).equals(request.getHeader("Authorization"))) {
                return error(401, "The access token is invalid").build();
            }
            String key = request.getHeader("Idempotency-Key");
            if (key != null && byIdempotencyKey.containsKey(key)) {
                return ok(byIdempotencyKey.get(key));
            }
            Map<String, Object> parameters = parameters(request);
            Object text = parameters.get("status");
            if (!(text instanceof String status) || status.isBlank()) {
                return error(422, "Validation failed: Text can't be blank").build();
            }
            if (status.codePointCount(0, status.length()) > CHARACTER_LIMIT) {
                return error(422, "Validation failed: Text character limit of " + CHARACTER_LIMIT + " exceeded").build();
            }
            String id = Long.toString(ids.incrementAndGet());
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("id", id);
            entity.put("created_at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            entity.put("in_reply_to_id", null);
            entity.put("sensitive", false);
            entity.put("spoiler_text", "");
            entity.put("visibility", parameters.getOrDefault("visibility", "public"));
            entity.put("language", parameters.getOrDefault("language", "en"));
            entity.put("uri", base + "/users/" + ACCOUNT + "/statuses/" + id);
            entity.put("url", base + "/@" + ACCOUNT + "/" + id);
            entity.put("content", "<p>" + status.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>");
            entity.put("account", Map.of("id", "1", "username", ACCOUNT, "acct", ACCOUNT));
            String json = Json.write(entity);
            statuses.add(status);
            if (key != null) {
                byIdempotencyKey.put(key, json);
            }
            return ok(json);
        }

        private ResponseDefinition ok(String json) {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("X-RateLimit-Limit", "300")
                    .withHeader("X-RateLimit-Remaining", Integer.toString(Math.max(0, 300 - statuses.size())))
                    .withHeader("X-RateLimit-Reset", Instant.now().plusSeconds(300).truncatedTo(ChronoUnit.MILLIS).toString())
                    .withBody(json).build();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> parameters(Request request) {
            String body = request.getBodyAsString();
            String type = request.getHeader("Content-Type");
            if (type != null && type.startsWith("application/json")) {
                try {
                    return Json.read(body, Map.class);
                } catch (RuntimeException notJson) {
                    return Map.of();
                }
            }
            Map<String, Object> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return form;
        }
    }
}
