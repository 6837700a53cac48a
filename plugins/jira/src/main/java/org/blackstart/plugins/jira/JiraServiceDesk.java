package org.blackstart.plugins.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.blackstart.spi.vendor.VendorAttachment;

/**
 * The calls the plugin makes to one vendor's Jira Service Management site: customer requests,
 * their comments and attachments through the Service Management API ({@code /rest/servicedeskapi}),
 * priority and workflow transitions through the platform API ({@code /rest/api/3}).
 */
final class JiraServiceDesk {

    /** A customer request as the plugin needs it. */
    record Request(String issueId, String issueKey, String webUrl, String summary) {
    }

    record Comment(String id, String body) {
    }

    record Transition(String id, String name, String toStatus) {
    }

    private static final String REQUESTS = "/rest/servicedeskapi/request";
    private static final int PAGE = 50;

    private final JiraHttp http;
    private final JiraProperties.Account account;

    JiraServiceDesk(JiraHttp http, JiraProperties.Account account) {
        this.http = http;
        this.account = account;
    }

    String accountName() {
        return http.accountName();
    }

    JiraProperties.Account account() {
        return account;
    }

    /** Raises a request in the account's desk with the account's request type. */
    Request create(String summary, String description) {
        ObjectNode body = JiraHttp.JSON.createObjectNode()
                .put("serviceDeskId", account.serviceDeskId())
                .put("requestTypeId", account.requestTypeId());
        body.putObject("requestFieldValues").put("summary", summary).put("description", description);
        if (JiraProperties.Account.present(account.raiseOnBehalfOf())) {
            body.put("raiseOnBehalfOf", account.raiseOnBehalfOf());
        }
        String what = "a new request in service desk " + account.serviceDeskId();
        JiraHttp.Answer answer = http.send("POST", REQUESTS, body, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
        return request(http.json(answer, what), what);
    }

    /** The request whose summary carries {@code token}, if the desk has one (a crash after creating it). */
    Optional<Request> findBySummary(String token) {
        String what = "the search for a request with " + token;
        String path = REQUESTS + "?serviceDeskId=" + account.serviceDeskId() + "&searchTerm=" + encode(token)
                + "&requestOwnership=ALL_REQUESTS&requestStatus=ALL_REQUESTS&limit=" + PAGE;
        JiraHttp.Answer answer = http.send("GET", path, null, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
        JsonNode values = http.json(answer, what).path("values");
        for (JsonNode value : values) {
            Request request = request(value, what);
            // Jira's search matches words; only an exact token in the summary is ours.
            if (request.summary() != null && request.summary().contains(token)) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    Request get(String issueKey) {
        String what = "request " + issueKey;
        JiraHttp.Answer answer = http.send("GET", REQUESTS + "/" + encode(issueKey), null, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
        return request(http.json(answer, what), what);
    }

    /** File names already attached to the request. */
    Set<String> attachmentNames(String issueKey) {
        Set<String> names = new HashSet<>();
        String what = "the attachments of " + issueKey;
        for (JsonNode value : pages(REQUESTS + "/" + encode(issueKey) + "/attachment", what)) {
            names.add(value.path("filename").asText());
        }
        return names;
    }

    /** Uploads {@code files} to the desk, then attaches them to the request, visible to its customers. */
    void attach(String issueKey, List<VendorAttachment> files) {
        if (files.isEmpty()) {
            return;
        }
        String upload = "the upload of " + files.size() + " file(s) for " + issueKey;
        JiraHttp.Answer uploaded = http.sendFiles("/rest/servicedeskapi/servicedesk/" + account.serviceDeskId()
                + "/attachTemporaryFile", files, upload);
        if (!uploaded.ok()) {
            throw http.failure(uploaded, upload);
        }
        ArrayNode ids = JiraHttp.JSON.createArrayNode();
        for (JsonNode temporary : http.json(uploaded, upload).path("temporaryAttachments")) {
            ids.add(http.text(temporary, "/temporaryAttachmentId", upload));
        }
        if (ids.size() != files.size()) {
            throw http.malformed(upload, ids.size() + " temporaryAttachments for " + files.size() + " files");
        }
        ObjectNode body = JiraHttp.JSON.createObjectNode().put("public", true);
        body.set("temporaryAttachmentIds", ids);
        String what = "attaching " + files.size() + " file(s) to " + issueKey;
        JiraHttp.Answer answer = http.send("POST", REQUESTS + "/" + encode(issueKey) + "/attachment", body, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
    }

    /** The request's public comments, oldest first. */
    List<Comment> comments(String issueKey) {
        List<Comment> comments = new ArrayList<>();
        String what = "the comments of " + issueKey;
        for (JsonNode value : pages(REQUESTS + "/" + encode(issueKey) + "/comment?public=true&internal=false", what)) {
            comments.add(new Comment(value.path("id").asText(), value.path("body").asText("")));
        }
        return comments;
    }

    /** Adds a comment the vendor's agents and the request's customers see; returns its id. */
    String comment(String issueKey, String text) {
        ObjectNode body = JiraHttp.JSON.createObjectNode().put("body", text).put("public", true);
        String what = "a comment on " + issueKey;
        JiraHttp.Answer answer = http.send("POST", REQUESTS + "/" + encode(issueKey) + "/comment", body, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
        return http.text(http.json(answer, what), "/id", what);
    }

    void setPriority(String issueKey, String priorityName) {
        ObjectNode body = JiraHttp.JSON.createObjectNode();
        body.putObject("fields").putObject("priority").put("name", priorityName);
        String what = "setting priority " + priorityName + " on " + issueKey;
        JiraHttp.Answer answer = http.send("PUT", "/rest/api/3/issue/" + encode(issueKey), body, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
    }

    /** True when the issue's status is in Jira's "done" category: nothing is left to close. */
    boolean isDone(String issueKey) {
        String what = "the status of " + issueKey;
        JiraHttp.Answer answer = http.send("GET", "/rest/api/3/issue/" + encode(issueKey) + "?fields=status", null, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
        JsonNode status = http.json(answer, what).path("fields").path("status");
        if (status.isMissingNode()) {
            throw http.malformed(what, "no fields.status");
        }
        return "done".equalsIgnoreCase(status.path("statusCategory").path("key").asText());
    }

    List<Transition> transitions(String issueKey) {
        String what = "the transitions of " + issueKey;
        JiraHttp.Answer answer = http.send("GET", "/rest/api/3/issue/" + encode(issueKey) + "/transitions", null, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
        JsonNode transitions = http.json(answer, what).path("transitions");
        if (!transitions.isArray()) {
            throw http.malformed(what, "no transitions list");
        }
        List<Transition> result = new ArrayList<>();
        for (JsonNode transition : transitions) {
            result.add(new Transition(http.text(transition, "/id", what), transition.path("name").asText(""),
                    transition.path("to").path("name").asText("")));
        }
        return result;
    }

    void transition(String issueKey, Transition transition) {
        ObjectNode body = JiraHttp.JSON.createObjectNode();
        body.putObject("transition").put("id", transition.id());
        String what = "transition '" + transition.name() + "' of " + issueKey;
        JiraHttp.Answer answer = http.send("POST", "/rest/api/3/issue/" + encode(issueKey) + "/transitions", body, what);
        if (!answer.ok()) {
            throw http.failure(answer, what);
        }
    }

    private Request request(JsonNode node, String what) {
        String summary = null;
        JsonNode fields = node.path("requestFieldValues");
        if (fields.isArray()) {
            for (JsonNode field : fields) {
                if ("summary".equals(field.path("fieldId").asText())) {
                    summary = field.path("value").asText();
                }
            }
        } else if (fields.hasNonNull("summary")) {
            summary = fields.get("summary").asText();
        }
        JsonNode web = node.path("_links").path("web");
        return new Request(http.text(node, "/issueId", what), http.text(node, "/issueKey", what),
                web.isTextual() && !web.asText().isBlank() ? web.asText() : null, summary);
    }

    /** Every value of a paged Service Management list. */
    private List<JsonNode> pages(String path, String what) {
        List<JsonNode> values = new ArrayList<>();
        int start = 0;
        while (true) {
            String page = path + (path.contains("?") ? "&" : "?") + "start=" + start + "&limit=" + PAGE;
            JiraHttp.Answer answer = http.send("GET", page, null, what);
            if (!answer.ok()) {
                throw http.failure(answer, what);
            }
            JsonNode json = http.json(answer, what);
            JsonNode pageValues = json.path("values");
            if (!pageValues.isArray()) {
                throw http.malformed(what, "no values list");
            }
            pageValues.forEach(values::add);
            if (json.path("isLastPage").asBoolean(true) || pageValues.isEmpty()) {
                return values;
            }
            start += pageValues.size();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
