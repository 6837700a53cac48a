package org.blackstart.testkit.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.blackstart.testkit.LocalServers;

/**
 * One vendor's Jira Service Management Cloud site, as Atlassian's REST reference describes the parts
 * a ticketing plugin uses. Service Management API: {@code POST /rest/servicedeskapi/request}
 * (201 with {@code issueId}, {@code issueKey}, {@code requestFieldValues}, {@code currentStatus},
 * {@code _links.web}), {@code GET /rest/servicedeskapi/request?searchTerm=} (matches the summary's
 * words), {@code GET .../request/{key}}, comments ({@code GET}/{@code POST .../comment}, paged
 * {@code values}, {@code isLastPage}), attachments in two steps (multipart
 * {@code POST .../servicedesk/{id}/attachTemporaryFile} with part {@code file} and header
 * {@code X-Atlassian-Token: no-check}, then {@code POST .../request/{key}/attachment} with
 * {@code temporaryAttachmentIds}). Platform API v3: {@code PUT /rest/api/3/issue/{key}} (priority by
 * name, 204), {@code GET .../issue/{key}?fields=status}, {@code GET}/{@code POST .../transitions}
 * (204). Errors as Jira writes them: {@code errorMessage} from Service Management,
 * {@code errorMessages}/{@code errors} from the platform; 401 without valid credentials, 404 for
 * unknown requests and desks. Webhook deliveries are built by {@link #commentCreated} and
 * {@link #issueUpdated} and signed by {@link #sign} as Jira signs them ({@code X-Hub-Signature}).
 * The same site holds the team's own project {@link #TEAM_PROJECT} for action items: {@code POST /rest/api/3/issue}
 * (fields project key, issuetype name, summary, description in Atlassian Document Format, duedate, labels; 201 with
 * {@code id}, {@code key}, {@code self}; 400 with {@code errors} per field), {@code GET /rest/api/3/search/jql}
 * (by project and label), the issue's transitions ("Start progress", "Done"), and {@link #issueFinished} for the
 * webhook delivery of a team member finishing one.
 */
public final class JiraServiceDeskSimulation implements AutoCloseable {

    public static final String EMAIL = "escalations@hosting.example";
    public static final String API_TOKEN = "ATATT3xFfGF0simulatedJiraApiToken0123456789";
    public static final String BEARER_TOKEN = "eyJraWQiOiJzaW11bGF0ZWQtYmVhcmVyLXRva2VuIn0";
    public static final String SERVICE_DESK_ID = "7";
    public static final String REQUEST_TYPE_ID = "42";
    public static final String PROJECT = "SUP";
    /** Our API user's account id on the vendor's site. */
    public static final String OWN_ACCOUNT_ID = "5b10ac8d82e05b22cc7d4ef5";
    public static final String VENDOR_AGENT_ID = "712020:0e4f6c1a-agent";
    public static final String VENDOR_AGENT = "Vera Vendor";
    public static final String WEBHOOK_SECRET = "jira-webhook-secret-7f3a9c2e51d84b06";
    public static final Set<String> PRIORITIES = Set.of("Highest", "High", "Medium", "Low", "Lowest");
    /** The team's own project on the same site, where action items become issues (platform API v3). */
    public static final String TEAM_PROJECT = "OPS";
    public static final String TEAM_WEBHOOK_SECRET = "team-jira-webhook-secret-4c1d8e2f9a7b";
    public static final String TEAM_MEMBER_ID = "712020:5d3c1b2a-team";
    public static final String TEAM_MEMBER = "Tara Team";

    /** Statuses of the site's workflow, with their category. */
    private static final Map<String, String> CATEGORIES = Map.of("Waiting for support", "new",
            "In Progress", "indeterminate", "Waiting for customer", "indeterminate", "Resolved", "done", "Closed", "done",
            "To Do", "new", "Done", "done");
    /** The workflow of the team's project's issues: transition name to target status. */
    private static final Map<String, String> TEAM_WORKFLOW = Map.of("Start progress", "In Progress", "Done", "Done");

    /** A comment on a request. */
    public record Comment(String id, String body, boolean isPublic, String authorAccountId) {
    }

    /** A file attached to a request. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** A request on the site. */
    public static final class Issue {
        private final String id;
        private final String key;
        private final String summary;
        private final String description;
        private final String raisedOnBehalfOf;
        private volatile String priority = "Medium";
        private volatile String status = "Waiting for support";
        private final List<Comment> comments = Collections.synchronizedList(new ArrayList<>());
        private final List<Attachment> attachments = Collections.synchronizedList(new ArrayList<>());
        /** Set for issues created through the platform API ({@code POST /rest/api/3/issue}) in a project. */
        private String project;
        private String issueType;
        private String dueDate;
        private List<String> labels = List.of();
        private JsonNode descriptionDocument;

        Issue(String id, String key, String summary, String description, String raisedOnBehalfOf) {
            this.id = id;
            this.key = key;
            this.summary = summary;
            this.description = description;
            this.raisedOnBehalfOf = raisedOnBehalfOf;
        }

        /** The project of an issue created through the platform API; {@code null} for service desk requests. */
        public String project() {
            return project;
        }

        public String issueType() {
            return issueType;
        }

        /** {@code duedate} as sent, e.g. {@code 2026-12-22}. */
        public String dueDate() {
            return dueDate;
        }

        public List<String> labels() {
            return labels;
        }

        /** The description as sent, in Atlassian Document Format. */
        public JsonNode descriptionDocument() {
            return descriptionDocument;
        }

        public String id() {
            return id;
        }

        public String key() {
            return key;
        }

        public String summary() {
            return summary;
        }

        public String description() {
            return description;
        }

        public String raisedOnBehalfOf() {
            return raisedOnBehalfOf;
        }

        public String priority() {
            return priority;
        }

        public String status() {
            return status;
        }

        public List<Comment> comments() {
            return List.copyOf(comments);
        }

        public List<Attachment> attachments() {
            return List.copyOf(attachments);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final Site site;
    private final List<StubMapping> overrides = new ArrayList<>();

    private JiraServiceDeskSimulation() {
        int port = LocalServers.freeLoopbackPort();
        site = new Site("http://127.0.0.1:" + port);
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(port).extensions(site));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(5).willReturn(aResponse().withTransformers(Site.NAME)));
    }

    public static JiraServiceDeskSimulation start() {
        return new JiraServiceDeskSimulation();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Requests on the site, oldest first. */
    public List<Issue> issues() {
        return site.issues();
    }

    public Issue issue(String key) {
        return site.issues().stream().filter(i -> i.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no request " + key));
    }

    /** The vendor's agent moves {@code key} to {@code status}, as the webhook tests then report it. */
    public void vendorMoves(String key, String status) {
        issue(key).status = status;
    }

    /** A team member finishes the issue in Jira (moves it to Done), as the webhook tests then report it. */
    public void teamMemberFinishes(String key) {
        issue(key).status = "Done";
    }

    /** The site's workflow offers only {@code transitions} (name to target status) from now on. */
    public void workflow(Map<String, String> transitions) {
        site.workflow(transitions);
    }

    /** The next call is answered 429 with {@code Retry-After: 1}. */
    public void rateLimitNext() {
        overrides.add(server.stubFor(any(anyUrl()).atPriority(0).inScenario("rate-limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessage\":\"Rate limit exceeded.\"}"))));
    }

    /** The next request created is answered 201 with a body that lacks {@code issueKey} (a proxy's rewrite). */
    public void answerCreateWithoutKeyOnce() {
        overrides.add(server.stubFor(post(urlPathEqualTo("/rest/servicedeskapi/request")).atPriority(0)
                .inScenario("malformed").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"issueId\":\"99999\",\"requestFieldValues\":[]}"))));
    }

    /** The next file upload fails with 503, after the request was created: a crash window for attachments. */
    public void failNextUpload() {
        overrides.add(server.stubFor(post(urlPathEqualTo("/rest/servicedeskapi/servicedesk/" + SERVICE_DESK_ID
                + "/attachTemporaryFile")).atPriority(0).inScenario("upload").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("served").willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Service Unavailable</body></html>"))));
    }

    /** Every call fails with 503 until {@link #recover()}. */
    public void breakDown() {
        overrides.add(server.stubFor(any(anyUrl()).atPriority(0)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Service Unavailable</body></html>"))));
    }

    public void recover() {
        overrides.forEach(server::removeStub);
        overrides.clear();
        server.resetScenarios();
    }

    /** Calls the site received, oldest first, as {@code METHOD path}. */
    public List<String> calls() {
        List<String> newestFirst = new ArrayList<>(server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl().replaceFirst("\\?.*", ""))
                .toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Logged requests whose path starts with {@code prefix}, oldest first. */
    public List<LoggedRequest> requests(String method, String pathPrefix) {
        List<LoggedRequest> newestFirst = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(pathPrefix)).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- webhook deliveries ----------------------------------------------------------------------------------

    /** The {@code X-Hub-Signature} Jira sends with {@code body} for a webhook registered with {@code secret}. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code comment_created} delivery: {@code author} wrote {@code body} on the request in {@code status}. */
    public static String commentCreated(Issue issue, String status, String commentId, String authorAccountId,
                                        String authorName, String body, boolean jsdPublic) {
        ObjectNode event = JSON.createObjectNode().put("timestamp", System.currentTimeMillis())
                .put("webhookEvent", "comment_created");
        event.set("issue", issueNode(issue, status, null));
        event.set("comment", comment(issue, commentId, authorAccountId, authorName, body, jsdPublic));
        return event.toString();
    }

    /**
     * The {@code jira:issue_updated} delivery of a workflow step taken with a comment, as an agent does
     * with "Respond to customer": Jira puts the comment in it too, and sends {@code comment_created} as well.
     */
    public static String issueUpdatedWithComment(Issue issue, String changelogId, String from, String to,
                                                 String commentId, String userAccountId, String userName, String body) {
        ObjectNode event = issueUpdatedEvent(issue, changelogId, from, to, null, userAccountId, userName);
        event.set("comment", comment(issue, commentId, userAccountId, userName, body, true));
        return event.toString();
    }

    private static ObjectNode comment(Issue issue, String commentId, String authorAccountId, String authorName,
                                      String body, boolean jsdPublic) {
        ObjectNode comment = JSON.createObjectNode();
        comment.put("self", "https://vendor.atlassian.net/rest/api/2/issue/" + issue.id() + "/comment/" + commentId)
                .put("id", commentId).put("body", body).put("jsdPublic", jsdPublic)
                .put("created", jiraTime()).put("updated", jiraTime());
        comment.set("author", user(authorAccountId, authorName));
        comment.set("updateAuthor", user(authorAccountId, authorName));
        return comment;
    }

    /**
     * A {@code jira:issue_updated} delivery for a workflow step by {@code userAccountId}: status
     * {@code from} to {@code to}, and the resolution set to {@code resolution} when not null.
     */
    public static String issueUpdated(Issue issue, String changelogId, String from, String to, String resolution,
                                      String userAccountId, String userName) {
        return issueUpdatedEvent(issue, changelogId, from, to, resolution, userAccountId, userName).toString();
    }

    private static ObjectNode issueUpdatedEvent(Issue issue, String changelogId, String from, String to, String resolution,
                                                String userAccountId, String userName) {
        ObjectNode event = JSON.createObjectNode().put("timestamp", System.currentTimeMillis())
                .put("webhookEvent", "jira:issue_updated").put("issue_event_type_name", "issue_generic");
        event.set("user", user(userAccountId, userName));
        event.set("issue", issueNode(issue, to, resolution));
        ObjectNode changelog = event.putObject("changelog").put("id", changelogId);
        ArrayNode items = changelog.putArray("items");
        if (to != null) {
            items.addObject().put("field", "status").put("fieldtype", "jira").put("fieldId", "status")
                    .put("from", "1").put("fromString", from).put("to", "2").put("toString", to);
        }
        if (resolution != null) {
            items.addObject().put("field", "resolution").put("fieldtype", "jira").put("fieldId", "resolution")
                    .putNull("from").putNull("fromString").put("to", "10001").put("toString", resolution);
        }
        return event;
    }

    /**
     * The {@code jira:issue_updated} delivery of {@link #TEAM_MEMBER} moving an issue of the team's project from
     * {@code from} to Done, as Jira sends it to the webhook registered for the project.
     */
    public static String issueFinished(Issue issue, String changelogId, String from) {
        return issueUpdatedEvent(issue, changelogId, from, "Done", null, TEAM_MEMBER_ID, TEAM_MEMBER).toString();
    }

    private static ObjectNode issueNode(Issue issue, String status, String resolution) {
        ObjectNode node = JSON.createObjectNode().put("id", issue.id())
                .put("self", "https://vendor.atlassian.net/rest/api/2/issue/" + issue.id()).put("key", issue.key());
        ObjectNode fields = node.putObject("fields").put("summary", issue.summary());
        fields.putObject("status").put("name", status).putObject("statusCategory")
                .put("key", CATEGORIES.getOrDefault(status, "indeterminate"));
        if (resolution == null) {
            fields.putNull("resolution");
        } else {
            fields.putObject("resolution").put("name", resolution);
        }
        fields.putObject("priority").put("name", issue.priority());
        return node;
    }

    private static ObjectNode user(String accountId, String name) {
        return JSON.createObjectNode().put("accountId", accountId).put("displayName", name).put("active", true)
                .put("accountType", "atlassian");
    }

    private static String jiraTime() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    }

    // ---- the site ---------------------------------------------------------------------------------------------

    private static final class Site implements ResponseDefinitionTransformerV2 {

        static final String NAME = "jira-service-desk";
        private static final Pattern REQUEST = Pattern.compile("/rest/servicedeskapi/request/([^/?]+)(/[a-z]+)?");
        private static final Pattern ISSUE = Pattern.compile("/rest/api/3/issue/([^/?]+)(/transitions)?");
        private static final Pattern TEMPORARY = Pattern.compile("/rest/servicedeskapi/servicedesk/([^/?]+)/attachTemporaryFile");

        private final String base;
        private final List<Issue> issues = new ArrayList<>();
        private final Map<String, Attachment> temporary = new LinkedHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private Map<String, String> workflow = Map.of("Respond to customer", "Waiting for customer",
                "Start progress", "In Progress", "Resolve", "Resolved", "Close", "Closed");

        Site(String base) {
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

        synchronized List<Issue> issues() {
            return List.copyOf(issues);
        }

        synchronized void workflow(Map<String, String> transitions) {
            workflow = Map.copyOf(transitions);
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            if (!authenticated(request)) {
                return platformError(401, "Client must be authenticated to access this resource.");
            }
            String method = request.getMethod().getName();
            String path = request.getUrl().replaceFirst("\\?.*", "");
            try {
                if (path.equals("/rest/servicedeskapi/request")) {
                    return method.equals("POST") ? create(request) : search(request);
                }
                if (path.equals("/rest/api/3/issue") && method.equals("POST")) {
                    return createIssue(request);
                }
                if (path.equals("/rest/api/3/search/jql") && method.equals("GET")) {
                    return searchJql(request);
                }
                Matcher temporaryFile = TEMPORARY.matcher(path);
                if (temporaryFile.matches() && method.equals("POST")) {
                    return upload(request, temporaryFile.group(1));
                }
                Matcher requestPath = REQUEST.matcher(path);
                if (requestPath.matches()) {
                    Issue issue = find(URLDecoder.decode(requestPath.group(1), StandardCharsets.UTF_8));
                    if (issue == null) {
                        return deskError(404, "The request could not be found or you do not have permission to view it.");
                    }
                    String sub = requestPath.group(2) == null ? "" : requestPath.group(2);
                    return switch (sub + " " + method) {
                        case " GET" -> json(200, requestNode(issue));
                        case "/comment GET" -> page(issue.comments().stream().map(this::commentNode).toList(), request);
                        case "/comment POST" -> comment(issue, request);
                        case "/attachment GET" -> page(issue.attachments().stream().map(this::attachmentNode).toList(), request);
                        case "/attachment POST" -> attach(issue, request);
                        default -> deskError(405, "Method not allowed");
                    };
                }
                Matcher issuePath = ISSUE.matcher(path);
                if (issuePath.matches()) {
                    Issue issue = find(URLDecoder.decode(issuePath.group(1), StandardCharsets.UTF_8));
                    if (issue == null) {
                        return platformError(404, "Issue does not exist or you do not have permission to see it.");
                    }
                    boolean transitions = issuePath.group(2) != null;
                    return switch ((transitions ? "transitions " : "issue ") + method) {
                        case "issue GET" -> json(200, issueStatus(issue));
                        case "issue PUT" -> edit(issue, request);
                        case "transitions GET" -> json(200, transitions(issue));
                        case "transitions POST" -> transition(issue, request);
                        default -> platformError(405, "Method not allowed");
                    };
                }
                return platformError(404, "No resource at " + path);
            } catch (IOException e) {
                return deskError(400, "Unexpected character in the JSON body");
            }
        }

        private boolean authenticated(Request request) {
            String authorization = request.getHeader("Authorization");
            String basic = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
            return basic.equals(authorization) || ("Bearer " + BEARER_TOKEN).equals(authorization);
        }

        private ResponseDefinition create(Request request) throws IOException {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            if (!SERVICE_DESK_ID.equals(body.path("serviceDeskId").asText())) {
                return deskError(404, "The service project does not exist.");
            }
            if (!REQUEST_TYPE_ID.equals(body.path("requestTypeId").asText())) {
                return deskError(400, "The request type you are trying to use does not exist.");
            }
            JsonNode fields = body.path("requestFieldValues");
            String summary = fields.path("summary").asText("");
            if (summary.isBlank()) {
                return deskError(400, "Your request could not be created. Please check the fields have been correctly filled in. "
                        + "Summary is required");
            }
            if (summary.length() > 255) {
                return deskError(400, "Summary must be less than 255 characters.");
            }
            int n = ids.incrementAndGet();
            Issue issue = new Issue(Integer.toString(10_000 + n), PROJECT + "-" + n, summary,
                    fields.path("description").asText(""), body.path("raiseOnBehalfOf").asText(null));
            issues.add(issue);
            return json(201, requestNode(issue));
        }

        /** {@code POST /rest/api/3/issue}: fields project (key), issuetype (name), summary, description (ADF), duedate, labels. */
        private ResponseDefinition createIssue(Request request) throws IOException {
            JsonNode fields = JSON.readTree(request.getBodyAsString()).path("fields");
            ObjectNode errors = JSON.createObjectNode();
            String project = fields.path("project").path("key").asText("");
            if (!TEAM_PROJECT.equals(project)) {
                errors.put("project", "valid project is required");
            }
            if (!"Task".equals(fields.path("issuetype").path("name").asText(""))) {
                errors.put("issuetype", "Specify an issue type");
            }
            String summary = fields.path("summary").asText("");
            if (summary.isBlank()) {
                errors.put("summary", "You must specify a summary of the issue.");
            } else if (summary.length() > 255) {
                errors.put("summary", "Summary must be less than 255 characters.");
            }
            JsonNode description = fields.path("description");
            if (!description.isMissingNode() && !"doc".equals(description.path("type").asText())) {
                errors.put("description", "Operation value must be an Atlassian Document (see the Atlassian Document Format).");
            }
            String due = fields.path("duedate").asText(null);
            if (due != null && !due.matches("\\d{4}-\\d{2}-\\d{2}")) {
                errors.put("duedate", "Error parsing date string: " + due);
            }
            if (!errors.isEmpty()) {
                ObjectNode error = JSON.createObjectNode();
                error.putArray("errorMessages");
                error.set("errors", errors);
                return json(400, error);
            }
            int n = ids.incrementAndGet();
            Issue issue = new Issue(Integer.toString(10_000 + n), project + "-" + n, summary, "", null);
            issue.project = project;
            issue.issueType = fields.path("issuetype").path("name").asText();
            issue.dueDate = due;
            List<String> labels = new ArrayList<>();
            fields.path("labels").forEach(label -> labels.add(label.asText()));
            issue.labels = List.copyOf(labels);
            issue.descriptionDocument = description.isMissingNode() ? null : description;
            issue.status = "To Do";
            issues.add(issue);
            return json(201, JSON.createObjectNode().put("id", issue.id()).put("key", issue.key())
                    .put("self", base + "/rest/api/3/issue/" + issue.id()));
        }

        /** {@code GET /rest/api/3/search/jql}: the part of JQL the plugins use, {@code project = "X" AND labels = "y"}. */
        private ResponseDefinition searchJql(Request request) {
            String jql = query(request, "jql");
            Matcher project = Pattern.compile("project\\s*=\\s*\"?([A-Z0-9_]+)\"?").matcher(jql == null ? "" : jql);
            Matcher label = Pattern.compile("labels\\s*=\\s*\"?([^\"\\s]+)\"?").matcher(jql == null ? "" : jql);
            if (jql == null || !project.find() || !label.find()) {
                ObjectNode error = JSON.createObjectNode();
                error.putArray("errorMessages").add("The simulation understands only project = X AND labels = y");
                return json(400, error);
            }
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode found = answer.putArray("issues");
            for (Issue issue : issues) {
                if (project.group(1).equals(issue.project()) && issue.labels().contains(label.group(1))) {
                    ObjectNode node = found.addObject().put("id", issue.id()).put("key", issue.key())
                            .put("self", base + "/rest/api/3/issue/" + issue.id());
                    node.putObject("fields").put("summary", issue.summary());
                }
            }
            answer.put("isLast", true);
            return json(200, answer);
        }

        private ResponseDefinition search(Request request) {
            String term = query(request, "searchTerm");
            List<String> words = term == null ? List.of()
                    : List.of(term.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).stream().filter(w -> !w.isEmpty()).toList();
            List<JsonNode> matches = issues.stream()
                    .filter(issue -> SERVICE_DESK_ID.equals(query(request, "serviceDeskId")) || query(request, "serviceDeskId") == null)
                    .filter(issue -> words.stream().allMatch(w -> issue.summary().toLowerCase(Locale.ROOT).contains(w)))
                    .map(issue -> (JsonNode) requestNode(issue)).toList();
            return page(matches, request);
        }

        private ResponseDefinition upload(Request request, String serviceDeskId) {
            if (!"no-check".equals(request.getHeader("X-Atlassian-Token"))) {
                return aResponse().withStatus(403).withHeader("Content-Type", "text/plain").withBody("XSRF check failed").build();
            }
            if (!SERVICE_DESK_ID.equals(serviceDeskId)) {
                return deskError(404, "The service project does not exist.");
            }
            if (!request.isMultipart()) {
                return deskError(415, "Expected multipart/form-data");
            }
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode list = answer.putArray("temporaryAttachments");
            for (Request.Part part : request.getParts()) {
                if (!"file".equals(part.getName())) {
                    return deskError(400, "The multipart parameter must be named 'file'.");
                }
                String id = "temp" + (8_186_986_881_165_662_413L + temporary.size() + ids.get() * 100L);
                String type = part.getHeader("Content-Type").isPresent() ? part.getHeader("Content-Type").firstValue()
                        : "application/octet-stream";
                temporary.put(id, new Attachment(part.getFileName(), type, part.getBody().asBytes()));
                list.addObject().put("temporaryAttachmentId", id).put("fileName", part.getFileName());
            }
            return json(201, answer);
        }

        private ResponseDefinition attach(Issue issue, Request request) throws IOException {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            List<Attachment> files = new ArrayList<>();
            for (JsonNode id : body.path("temporaryAttachmentIds")) {
                Attachment file = temporary.remove(id.asText());
                if (file == null) {
                    return deskError(400, "The temporary attachment " + id.asText() + " does not exist or has expired.");
                }
                files.add(file);
            }
            if (files.isEmpty()) {
                return deskError(400, "temporaryAttachmentIds is required");
            }
            issue.attachments.addAll(files);
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode values = answer.putObject("attachments").put("size", files.size()).putArray("values");
            files.forEach(file -> values.add(attachmentNode(file)));
            return json(201, answer);
        }

        private ResponseDefinition comment(Issue issue, Request request) throws IOException {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            String text = body.path("body").asText("");
            if (text.isBlank()) {
                return deskError(400, "Comment body is required");
            }
            Comment comment = new Comment(Integer.toString(20_000 + ids.incrementAndGet()), text,
                    body.path("public").asBoolean(true), OWN_ACCOUNT_ID);
            issue.comments.add(comment);
            return json(201, commentNode(comment));
        }

        private ResponseDefinition edit(Issue issue, Request request) throws IOException {
            JsonNode priority = JSON.readTree(request.getBodyAsString()).path("fields").path("priority").path("name");
            if (!priority.isTextual() || !PRIORITIES.contains(priority.asText())) {
                ObjectNode error = JSON.createObjectNode();
                error.putArray("errorMessages");
                error.putObject("errors").put("priority", "Specify the Priority (name) in the string format");
                return json(400, error);
            }
            issue.priority = priority.asText();
            return aResponse().withStatus(204).build();
        }

        private ObjectNode transitions(Issue issue) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode list = answer.putArray("transitions");
            int id = 11;
            Map<String, String> steps = issue.project() == null ? workflow : TEAM_WORKFLOW;
            for (Map.Entry<String, String> step : new java.util.TreeMap<>(steps).entrySet()) {
                if (!step.getValue().equals(issue.status())) {
                    ObjectNode transition = list.addObject().put("id", Integer.toString(id)).put("name", step.getKey())
                            .put("hasScreen", false);
                    transition.putObject("to").put("name", step.getValue()).putObject("statusCategory")
                            .put("key", CATEGORIES.getOrDefault(step.getValue(), "indeterminate"));
                }
                id += 10;
            }
            return answer;
        }

        private ResponseDefinition transition(Issue issue, Request request) throws IOException {
            String wanted = JSON.readTree(request.getBodyAsString()).path("transition").path("id").asText("");
            for (JsonNode transition : transitions(issue).path("transitions")) {
                if (transition.path("id").asText().equals(wanted)) {
                    issue.status = transition.path("to").path("name").asText();
                    return aResponse().withStatus(204).build();
                }
            }
            ObjectNode error = JSON.createObjectNode();
            error.putArray("errorMessages");
            error.putObject("errors").put("transition", "Transition id '" + wanted + "' is not valid for this issue.");
            return json(400, error);
        }

        private Issue find(String keyOrId) {
            return issues.stream().filter(i -> i.key().equals(keyOrId) || i.id().equals(keyOrId)).findFirst().orElse(null);
        }

        private ObjectNode requestNode(Issue issue) {
            ObjectNode node = JSON.createObjectNode().put("issueId", issue.id()).put("issueKey", issue.key())
                    .put("requestTypeId", REQUEST_TYPE_ID).put("serviceDeskId", SERVICE_DESK_ID);
            ArrayNode fields = node.putArray("requestFieldValues");
            fields.addObject().put("fieldId", "summary").put("label", "Summary").put("value", issue.summary());
            fields.addObject().put("fieldId", "description").put("label", "Description").put("value", issue.description());
            node.putObject("currentStatus").put("status", issue.status())
                    .put("statusCategory", CATEGORIES.getOrDefault(issue.status(), "indeterminate").toUpperCase(Locale.ROOT));
            node.putObject("_links")
                    .put("jiraRest", base + "/rest/api/2/issue/" + issue.id())
                    .put("web", base + "/servicedesk/customer/portal/" + SERVICE_DESK_ID + "/" + issue.key())
                    .put("self", base + "/rest/servicedeskapi/request/" + issue.id());
            return node;
        }

        private ObjectNode issueStatus(Issue issue) {
            ObjectNode node = JSON.createObjectNode().put("id", issue.id()).put("key", issue.key());
            node.putObject("fields").putObject("status").put("name", issue.status()).putObject("statusCategory")
                    .put("key", CATEGORIES.getOrDefault(issue.status(), "indeterminate"));
            return node;
        }

        private ObjectNode commentNode(Comment comment) {
            ObjectNode node = JSON.createObjectNode().put("id", comment.id()).put("body", comment.body())
                    .put("public", comment.isPublic());
            node.putObject("author").put("accountId", comment.authorAccountId()).put("displayName",
                    OWN_ACCOUNT_ID.equals(comment.authorAccountId()) ? "Blackstart" : VENDOR_AGENT);
            return node;
        }

        private ObjectNode attachmentNode(Attachment file) {
            return JSON.createObjectNode().put("filename", file.fileName()).put("mimeType", file.contentType())
                    .put("size", file.content().length);
        }

        /** A page of a Service Management list; {@code limit} of 2 or more is honoured, so paging is exercised. */
        private ResponseDefinition page(List<? extends JsonNode> all, Request request) {
            int start = query(request, "start") == null ? 0 : Integer.parseInt(query(request, "start"));
            int limit = query(request, "limit") == null ? 50 : Math.max(2, Integer.parseInt(query(request, "limit")));
            List<? extends JsonNode> slice = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
            ObjectNode page = JSON.createObjectNode().put("size", slice.size()).put("start", start).put("limit", limit)
                    .put("isLastPage", start + slice.size() >= all.size());
            ArrayNode values = page.putArray("values");
            slice.forEach(values::add);
            return json(200, page);
        }

        private static String query(Request request, String name) {
            var parameter = request.queryParameter(name);
            return parameter.isPresent() ? parameter.firstValue() : null;
        }

        private static ResponseDefinition json(int status, JsonNode body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(body.toString()).build();
        }

        private static ResponseDefinition deskError(int status, String message) {
            ObjectNode error = JSON.createObjectNode().put("errorMessage", message);
            error.putObject("i18nErrorMessage").put("i18nKey", "sd.error").putArray("parameters");
            return json(status, error);
        }

        private static ResponseDefinition platformError(int status, String message) {
            ObjectNode error = JSON.createObjectNode();
            error.putArray("errorMessages").add(message);
            error.putObject("errors");
            return json(status, error);
        }
    }

}
