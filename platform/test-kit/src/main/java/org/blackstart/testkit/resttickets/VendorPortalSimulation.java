package org.blackstart.testkit.resttickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blackstart.testkit.LocalServers;

/**
 * A vendor's own support portal with a small REST API, of the kind the generic {@code rest-tickets}
 * plugin is configured for: {@code POST /api/cases} with a JSON case (a non-blank {@code title}
 * required) answered 201 {@code {"data": {"caseNumber", "id", "links": {"web"}}}};
 * {@code POST /api/cases/{id}/comments} ({@code {"text"}}, 201), {@code POST /api/cases/{id}/files}
 * (multipart, one file in part {@code upload}, 201), {@code POST /api/cases/{id}/close} (200);
 * 404 {@code {"error": "case not found"}} for an unknown id. Authenticated by
 * {@code Authorization: Bearer} {@link #TOKEN} (401 {@code {"error": "invalid token"}} otherwise).
 * Like many REST APIs it honours {@code Idempotency-Key}: a write with a key it has seen answers
 * what it answered the first time and changes nothing.
 */
public final class VendorPortalSimulation implements AutoCloseable {

    public static final String TOKEN = "vp_live_7e1c9a40b2d35f6e8a0c1d2e3f405162";
    public static final String FILE_PART = "upload";

    /** A case on the portal. */
    public static final class Case {
        private final String number;
        private final String id;
        private final JsonNode opened;
        private final List<JsonNode> comments = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, byte[]> files = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        private volatile JsonNode closed;

        Case(String number, String id, JsonNode opened) {
            this.number = number;
            this.id = id;
            this.opened = opened;
        }

        public String number() {
            return number;
        }

        public String id() {
            return id;
        }

        /** The JSON the case was opened with. */
        public JsonNode opened() {
            return opened;
        }

        public List<JsonNode> comments() {
            return List.copyOf(comments);
        }

        /** File names to their bytes, in upload order. */
        public Map<String, byte[]> files() {
            return Map.copyOf(files);
        }

        /** The JSON of the close call, or {@code null} while open. */
        public JsonNode closed() {
            return closed;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final Portal portal;
    private final List<StubMapping> overrides = new ArrayList<>();

    private VendorPortalSimulation() {
        int port = LocalServers.freeLoopbackPort();
        portal = new Portal("http://127.0.0.1:" + port);
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(port).extensions(portal));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(5).willReturn(aResponse().withTransformers(Portal.NAME)));
    }

    public static VendorPortalSimulation start() {
        return new VendorPortalSimulation();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public List<Case> cases() {
        return portal.cases();
    }

    public Case byNumber(String number) {
        return portal.cases().stream().filter(c -> c.number().equals(number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + number));
    }

    /** The next call is answered 429 with {@code Retry-After: 1}. */
    public void rateLimitNext() {
        overrides.add(server.stubFor(any(anyUrl()).atPriority(0).inScenario("rate-limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"slow down\"}"))));
    }

    /** The next case opened is answered 201 with a body that has no case number (an API version change). */
    public void answerOpenWithoutNumberOnce() {
        overrides.add(server.stubFor(post(urlPathEqualTo("/api/cases")).atPriority(0).inScenario("malformed")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"ticket\":{\"no\":\"VP-0\"}}}"))));
    }

    /** Every call fails with 503 until {@link #recover()}. */
    public void breakDown() {
        overrides.add(server.stubFor(any(anyUrl()).atPriority(0)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>maintenance</body></html>"))));
    }

    public void recover() {
        overrides.forEach(server::removeStub);
        overrides.clear();
        server.resetScenarios();
    }

    /** Logged requests of {@code method} whose path starts with {@code prefix}, oldest first. */
    public List<LoggedRequest> requests(String method, String pathPrefix) {
        List<LoggedRequest> newestFirst = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(pathPrefix)).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public int callCount() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class Portal implements ResponseDefinitionTransformerV2 {

        static final String NAME = "vendor-portal";
        private static final Pattern CASE = Pattern.compile("/api/cases/([^/?]+)/(comments|files|close)");

        private final String base;
        private final List<Case> cases = new ArrayList<>();
        private final Map<String, ResponseDefinition> byIdempotencyKey = new HashMap<>();

        Portal(String base) {
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

        synchronized List<Case> cases() {
            return List.copyOf(cases);
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                return error(401, "invalid token");
            }
            if (!request.getMethod().getName().equals("POST")) {
                return error(405, "method not allowed");
            }
            String key = request.getHeader("Idempotency-Key");
            if (key != null && byIdempotencyKey.containsKey(key)) {
                return byIdempotencyKey.get(key);
            }
            ResponseDefinition answer;
            try {
                answer = handle(request);
            } catch (IOException e) {
                answer = error(400, "body is not JSON");
            }
            if (key != null && answer.getStatus() < 300) {
                byIdempotencyKey.put(key, answer);
            }
            return answer;
        }

        private ResponseDefinition handle(Request request) throws IOException {
            String path = request.getUrl().replaceFirst("\\?.*", "");
            if (path.equals("/api/cases")) {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                if (body == null || !body.path("title").isTextual() || body.path("title").asText().isBlank()) {
                    return error(422, "title is required");
                }
                int n = cases.size() + 1;
                Case opened = new Case("VP-" + (1000 + n), "c" + Integer.toHexString(0x5f2c00 + n), body);
                cases.add(opened);
                ObjectNode answer = JSON.createObjectNode();
                ObjectNode data = answer.putObject("data").put("caseNumber", opened.number()).put("id", opened.id())
                        .put("status", "new");
                data.putObject("links").put("web", base + "/portal/cases/" + opened.number());
                return json(201, answer);
            }
            Matcher matcher = CASE.matcher(path);
            if (!matcher.matches()) {
                return error(404, "no such endpoint");
            }
            Case target = cases.stream().filter(c -> c.id().equals(matcher.group(1))).findFirst().orElse(null);
            if (target == null) {
                return error(404, "case not found");
            }
            switch (matcher.group(2)) {
                case "comments" -> {
                    JsonNode body = JSON.readTree(request.getBodyAsString());
                    if (body == null || !body.path("text").isTextual()) {
                        return error(422, "text is required");
                    }
                    target.comments.add(body);
                    return json(201, JSON.createObjectNode().set("data",
                            JSON.createObjectNode().put("id", "cm" + target.comments.size())));
                }
                case "files" -> {
                    if (!request.isMultipart() || request.getPart(FILE_PART) == null) {
                        return error(422, "multipart part '" + FILE_PART + "' is required");
                    }
                    Request.Part part = request.getPart(FILE_PART);
                    target.files.put(part.getFileName(), part.getBody().asBytes());
                    return json(201, JSON.createObjectNode().set("data", JSON.createObjectNode().put("name", part.getFileName())));
                }
                default -> {
                    target.closed = JSON.readTree(request.getBodyAsString());
                    return json(200, JSON.createObjectNode().set("data", JSON.createObjectNode().put("status", "closed")));
                }
            }
        }

        private static ResponseDefinition json(int status, JsonNode body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(body.toString()).build();
        }

        private static ResponseDefinition error(int status, String message) {
            return json(status, JSON.createObjectNode().put("error", message));
        }
    }
}
