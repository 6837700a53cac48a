package org.blackstart.testkit.x;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.blackstart.testkit.LocalServers;

/**
 * X's API as its reference describes it, for what the X plugin uses:
 * <ul>
 *   <li>{@code POST /2/tweets} with a JSON {@code {"text": ...}}: 201 {@code {"data": {"id", "text",
 *       "edit_history_tweet_ids"}}} with {@code x-rate-limit-*} headers; 403 with X's problem body
 *       "You are not allowed to create a Tweet with duplicate content." when the account posted the same
 *       text before; 401 "Unauthorized" for an expired or unknown token or a wrong OAuth 1.0a signature;
 *       429 "Too Many Requests" with {@code x-rate-limit-reset} (epoch seconds) when told to;</li>
 *   <li>{@code POST /2/oauth2/token} with {@code grant_type=refresh_token}: client authentication by
 *       HTTP Basic (confidential client) or {@code client_id} in the form (public client); a new access
 *       token and a new refresh token each time; the used refresh token is spent and refused after with
 *       400 {@code invalid_request}, as X rotates them.</li>
 * </ul>
 * OAuth 1.0a requests are checked by recomputing their HMAC-SHA1 signature with the credentials below.
 */
public final class XApiSimulation implements AutoCloseable {

    public static final String TWEETS = "/2/tweets";
    public static final String TOKEN = "/2/oauth2/token";
    public static final String CLIENT_ID = "M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ";
    public static final String CLIENT_SECRET = "kT9rq-simulated-client-secret-7Hc2";
    /** The refresh token of the account's authorization, before any rotation. */
    public static final String FIRST_REFRESH_TOKEN = "bWRWa3gzdnk3WHRGU1o0bmRRcTJ5VUxWX1lZTDdJSjZ1:1:1:rt:1";
    public static final String CONSUMER_KEY = "xvz1evFS4wEEPTGEFPHBog";
    public static final String CONSUMER_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
    public static final String ACCESS_TOKEN = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb";
    public static final String ACCESS_TOKEN_SECRET = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";

    static final String DUPLICATE_DETAIL = "You are not allowed to create a Tweet with duplicate content.";

    private final XState state = new XState();
    private final WireMockServer server;
    private final List<StubMapping> overrides = new ArrayList<>();

    private XApiSimulation() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freeLoopbackPort())
                .extensions(state));
        server.start();
        server.stubFor(post(urlPathEqualTo(TWEETS)).atPriority(5).willReturn(aResponse().withTransformers(XState.NAME)));
        server.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(5).willReturn(aResponse().withTransformers(XState.NAME)));
    }

    public static XApiSimulation start() {
        return new XApiSimulation();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The next post is refused with 429 until {@code reset}, as X does when the account's window is used up. */
    public void rateLimitNextPost(Instant reset) {
        overrides.add(server.stubFor(post(urlPathEqualTo(TWEETS)).atPriority(0).inScenario("rate-limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(problem(429, "Too Many Requests", "Too Many Requests")
                        .withHeader("x-rate-limit-limit", "100")
                        .withHeader("x-rate-limit-remaining", "0")
                        .withHeader("x-rate-limit-reset", Long.toString(reset.getEpochSecond())))));
    }

    /** The access token issued last expires (X's live for two hours): posts with it get 401. */
    public void expireAccessToken() {
        state.expireAccessToken();
    }

    /** Every request fails with 503 until {@link #recover()}. */
    public void breakDown() {
        overrides.add(server.stubFor(post(anyUrl()).atPriority(0)
                .willReturn(problem(503, "Service Unavailable", "Service Unavailable"))));
    }

    public void recover() {
        overrides.forEach(server::removeStub);
        overrides.clear();
        server.resetScenarios();
    }

    /** The texts X has published, oldest first. */
    public List<String> published() {
        return state.published();
    }

    /** The refresh token X accepts now; every earlier one is spent. */
    public String currentRefreshToken() {
        return state.currentRefreshToken();
    }

    /** Requests to {@code path}, oldest first. */
    public List<LoggedRequest> requests(String path) {
        List<LoggedRequest> newestFirst = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().equals(path)).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Answers to {@code path}, by status, oldest first. */
    public List<Integer> statuses(String path) {
        List<Integer> newestFirst = new ArrayList<>(server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path)).map(e -> e.getResponse().getStatus()).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static ResponseDefinitionBuilder problem(int status, String title, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(Json.write(problemBody(status, title, detail)));
    }

    private static Map<String, Object> problemBody(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        return body;
    }

    /** The account, the issued tokens and the published posts, answering both endpoints. */
    private static final class XState implements ResponseDefinitionTransformerV2 {

        static final String NAME = "x-api-state";

        private final AtomicLong ids = new AtomicLong(1_851_000_000_000_000_000L);
        private final List<String> published = new ArrayList<>();
        private String refreshToken = FIRST_REFRESH_TOKEN;
        private String accessToken;
        private int issued;

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            return request.getUrl().startsWith(TOKEN) ? token(request) : tweet(request);
        }

        synchronized void expireAccessToken() {
            accessToken = null;
        }

        synchronized List<String> published() {
            return List.copyOf(published);
        }

        synchronized String currentRefreshToken() {
            return refreshToken;
        }

        private ResponseDefinition token(Request request) {
            Map<String, String> form = form(request.getBodyAsString());
            String basic = request.getHeader("Authorization");
            boolean clientKnown = basic != null
                    ? basic.equals("Basic " + Base64.getEncoder().encodeToString(
                    (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                    : CLIENT_ID.equals(form.get("client_id"));
            if (!clientKnown) {
                return json(401, Map.of("error", "unauthorized_client", "error_description",
                        "Missing valid authorization header"));
            }
            if (!"refresh_token".equals(form.get("grant_type"))) {
                return json(400, Map.of("error", "invalid_request", "error_description",
                        "Value passed for the grant type was invalid."));
            }
            if (refreshToken == null || !refreshToken.equals(form.get("refresh_token"))) {
                return json(400, Map.of("error", "invalid_request", "error_description",
                        "Value passed for the token was invalid."));
            }
            issued++;
            accessToken = "access-" + issued + "-" + Long.toHexString(ids.incrementAndGet());
            refreshToken = "refresh-" + issued + "-" + Long.toHexString(ids.incrementAndGet());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token_type", "bearer");
            body.put("expires_in", 7200);
            body.put("access_token", accessToken);
            body.put("scope", "tweet.write users.read tweet.read offline.access");
            body.put("refresh_token", refreshToken);
            return json(200, body);
        }

        private ResponseDefinition tweet(Request request) {
            String authorization = request.getHeader("Authorization");
            boolean authorized = authorization != null && (
                    (accessToken != null && authorization.equals("Bearer " + accessToken))
                            || (authorization.startsWith("OAuth ") && OAuth1Check.valid(request, authorization)));
            if (!authorized) {
                return problem(401, "Unauthorized", "Unauthorized").build();
            }
            Object text;
            try {
                text = Json.read(request.getBodyAsString(), Map.class).get("text");
            } catch (RuntimeException notJson) {
                text = null;
            }
            if (!(text instanceof String post) || post.isBlank()) {
                return problem(400, "Invalid Request", "One or more parameters to your request was invalid.").build();
            }
            if (published.contains(post)) {
                return problem(403, "Forbidden", DUPLICATE_DETAIL).build();
            }
            published.add(post);
            String id = Long.toString(ids.incrementAndGet());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("edit_history_tweet_ids", List.of(id));
            data.put("id", id);
            data.put("text", post);
            return aResponse().withStatus(201).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("x-rate-limit-limit", "100")
                    .withHeader("x-rate-limit-remaining", Integer.toString(Math.max(0, 100 - published.size())))
                    .withHeader("x-rate-limit-reset", Long.toString(Instant.now().plusSeconds(900).getEpochSecond()))
                    .withBody(Json.write(Map.of("data", data))).build();
        }

        private static ResponseDefinition json(int status, Map<String, ?> body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(Json.write(body)).build();
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new LinkedHashMap<>();
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
