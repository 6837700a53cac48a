package org.blackstart.plugins.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.blackstart.spi.BusinessFailure;

/**
 * The calls the plugin makes to the team's own Jira through the platform REST API v3: create an issue
 * ({@code POST /rest/api/3/issue}), find one by label ({@code GET /rest/api/3/search/jql}), read its status and
 * move it through its workflow ({@code GET}/{@code POST /rest/api/3/issue/{key}/transitions}).
 */
final class JiraIssues {

    /** An issue as the plugin needs it. */
    record Issue(String id, String key) {
    }

    record Transition(String id, String name, String toStatus, String toCategory) {
    }

    private final JiraHttp http;
    private final JiraProperties.Actions actions;

    JiraIssues(JiraHttp http, JiraProperties.Actions actions) {
        this.http = http;
        this.actions = actions;
    }

    JiraProperties.Actions actions() {
        return actions;
    }

    /** Where a person opens the issue. */
    String browseUrl(String key) {
        return actions.base() + "/browse/" + key;
    }

    /** Creates an issue in the configured project; {@code description} is in Atlassian Document Format. */
    Issue create(String summary, JsonNode description, LocalDate dueOn, List<String> labels) {
        ObjectNode body = JiraHttp.JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", actions.project());
        fields.putObject("issuetype").put("name", actions.issueType());
        fields.put("summary", summary);
        fields.set("description", description);
        if (dueOn != null) {
            fields.put("duedate", dueOn.toString());
        }
        ArrayNode labelList = fields.putArray("labels");
        labels.forEach(labelList::add);
        String what = "a new issue in project " + actions.project();
        JiraHttp.Answer answer = http.send("POST", "/rest/api/3/issue", body, what);
        if (!answer.ok()) {
            throw failure(answer, what);
        }
        JsonNode created = http.json(answer, what);
        return new Issue(http.text(created, "/id", what), http.text(created, "/key", what));
    }

    /** The issue of the project that carries {@code label}, if there is one (a crash after creating it). */
    Optional<Issue> findByLabel(String label) {
        String jql = "project = \"" + actions.project() + "\" AND labels = \"" + label + "\"";
        String what = "the search for an issue labelled " + label;
        JiraHttp.Answer answer = http.send("GET", "/rest/api/3/search/jql?jql=" + encode(jql) + "&fields=summary&maxResults=2",
                null, what);
        if (!answer.ok()) {
            throw failure(answer, what);
        }
        for (JsonNode issue : http.json(answer, what).path("issues")) {
            return Optional.of(new Issue(http.text(issue, "/id", what), http.text(issue, "/key", what)));
        }
        return Optional.empty();
    }

    /** True when the issue's status is in Jira's "done" category. */
    boolean isDone(String key) {
        String what = "the status of " + key;
        JiraHttp.Answer answer = http.send("GET", "/rest/api/3/issue/" + encode(key) + "?fields=status", null, what);
        if (!answer.ok()) {
            throw failure(answer, what);
        }
        JsonNode status = http.json(answer, what).path("fields").path("status");
        if (status.isMissingNode()) {
            throw http.malformed(what, "no fields.status");
        }
        return "done".equalsIgnoreCase(status.path("statusCategory").path("key").asText());
    }

    /** Moves the issue by the first configured done transition it offers, else by any that ends in a done status. */
    void finish(String key) {
        String what = "the transitions of " + key;
        JiraHttp.Answer offered = http.send("GET", "/rest/api/3/issue/" + encode(key) + "/transitions", null, what);
        if (!offered.ok()) {
            throw failure(offered, what);
        }
        List<Transition> transitions = new ArrayList<>();
        for (JsonNode transition : http.json(offered, what).path("transitions")) {
            transitions.add(new Transition(http.text(transition, "/id", what), transition.path("name").asText(""),
                    transition.path("to").path("name").asText(""),
                    transition.path("to").path("statusCategory").path("key").asText("")));
        }
        Transition chosen = choose(transitions);
        if (chosen == null) {
            throw new JiraApiException("the team's Jira offers no transition named " + String.join(" or ",
                    actions.doneTransition()) + " on " + key + " (it offers: " + String.join(", ",
                    transitions.stream().map(Transition::name).toList()) + "); set " + JiraProperties.PREFIX
                    + ".actions.done-transition", 0);
        }
        ObjectNode body = JiraHttp.JSON.createObjectNode();
        body.putObject("transition").put("id", chosen.id());
        String move = "transition '" + chosen.name() + "' of " + key;
        JiraHttp.Answer answer = http.send("POST", "/rest/api/3/issue/" + encode(key) + "/transitions", body, move);
        if (!answer.ok()) {
            throw failure(answer, move);
        }
    }

    private Transition choose(List<Transition> transitions) {
        for (String wanted : actions.doneTransition()) {
            for (Transition transition : transitions) {
                if (transition.name().equalsIgnoreCase(wanted) || transition.toStatus().equalsIgnoreCase(wanted)) {
                    return transition;
                }
            }
        }
        return transitions.stream().filter(t -> "done".equalsIgnoreCase(t.toCategory())).findFirst().orElse(null);
    }

    /**
     * A failure the task is retried on: for an action item nothing is refused for good (a 404 is a wrong project
     * or a deleted issue, which a person fixes in the configuration or in Jira), so no BPMN error is raised.
     */
    private RuntimeException failure(JiraHttp.Answer answer, String what) {
        RuntimeException failure = http.failure(answer, what);
        return failure instanceof BusinessFailure ? new JiraApiException(failure.getMessage(), answer.status()) : failure;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
