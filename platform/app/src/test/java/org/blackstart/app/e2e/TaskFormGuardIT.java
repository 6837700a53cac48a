package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.demo.DemoMailServer;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A task decides only what its form asks: the attack from issue 11 (an agent completes the SEV1
 * notice review with the incident's severity and the e-mail's HTML of their own), replayed against
 * the engine's REST API, and the other ways a task's candidate or a commander could set what the
 * process relies on.
 */
class TaskFormGuardIT extends PlatformIT {

    private static final String PHISHING = "<p>Your account is locked. <a href=\"https://evil.example/reset\">Reset your password here</a></p>";

    @Autowired
    DemoMailServer mail;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Test
    void anAgentCannotSkipTheSev1ApprovalOrSendTheirOwnHtmlByCompletingTheReview() throws Exception {
        Api api = api();
        // given a SEV1 incident whose initial notice waits for the agent's review
        String key = sev1Incident(api, "Storage array failed");
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        String notice = review.path("processInstanceId").asText();
        String variablesBefore = variables(api, notice);

        // when the agent completes it with the form's fields plus variables the form does not ask for
        Map<String, Object> attack = new LinkedHashMap<>();
        attack.put("noticeDecision", "send");
        attack.put("severity", "SEV3");
        attack.put("noticeHas_en", false);
        attack.put("notice_en_html", PHISHING);
        ResponseEntity<String> refused = api.claimAndComplete("agent", review, attack);

        // then it is refused, naming the variables, and nothing changed
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = api.json(refused);
        assertThat(problem.path("detail").asText()).contains("severity", "noticeHas_en", "notice_en_html");
        assertThat(problem.path("variables")).extracting(JsonNode::asText)
                .containsExactly("noticeHas_en", "notice_en_html", "severity");
        JsonNode stillOpen = api.task("agent", key, "ReviewNotice");
        assertThat(stillOpen).as("the review is still open").isNotNull();
        assertThat(stillOpen.path("id").asText()).isEqualTo(review.path("id").asText());
        assertThat(api.task("commander", key, "ApproveNotice")).as("no approval asked for yet").isNull();
        assertThat(variables(api, notice)).isEqualTo(variablesBefore);
        assertThat(api.incident("commander", key).path("incident").path("severity").asText()).isEqualTo("SEV1");
        Thread.sleep(500);
        assertThat(mailOf(key)).isEmpty();

        // when the agent completes it with the form's fields only
        ResponseEntity<String> completed = api.complete("agent", review.path("id").asText(), Map.of("noticeDecision", "send"));

        // then the commander is asked to approve, as before, and still nothing went out
        assertThat(completed.getStatusCode().value()).isEqualTo(204);
        assertThat(api.awaitTask("commander", key, "ApproveNotice")).isNotNull();
        assertThat(mailOf(key)).isEmpty();
    }

    @Test
    void tasklistsOwnMountOfTheEngineApiAcceptsOnlyTheFormsFieldsToo() throws Exception {
        Api api = api();
        // given a SEV1 notice waiting for review, and the agent logged in to Tasklist
        String key = sev1Incident(api, "Backups missing");
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        String id = review.path("id").asText();
        String notice = review.path("processInstanceId").asText();
        api.send("agent", HttpMethod.POST, api.engine("/task/" + id + "/claim"), "{\"userId\":\"agent\"}");
        String variablesBefore = variables(api, notice);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = tasklistLogin(browser, "agent");

        // when the agent submits the form with the attack's variables where Tasklist submits forms
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(
                        URI.create(base() + "/camunda/api/engine/engine/default/task/" + id + "/submit-form"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"noticeDecision\":{\"value\":\"send\"},"
                        + "\"severity\":{\"value\":\"SEV3\"}}}")).build(), HttpResponse.BodyHandlers.ofString());

        // then it is refused and nothing changed
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("severity");
        assertThat(api.task("agent", key, "ReviewNotice")).isNotNull();
        assertThat(variables(api, notice)).isEqualTo(variablesBefore);
    }

    @Test
    void aTaskCandidateCannotWriteVariablesBesideTheFormNorEndTheTaskByAnError() {
        Api api = api();
        // given
        String key = sev1Incident(api, "Database corrupted");
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        String id = review.path("id").asText();
        String notice = review.path("processInstanceId").asText();
        api.send("agent", HttpMethod.POST, api.engine("/task/" + id + "/claim"), "{\"userId\":\"agent\"}");
        String variablesBefore = variables(api, notice);

        // when
        ResponseEntity<String> put = api.send("agent", HttpMethod.PUT, api.engine("/task/" + id + "/variables/severity"),
                "{\"value\":\"SEV3\",\"type\":\"String\"}");
        ResponseEntity<String> modify = api.send("agent", HttpMethod.POST, api.engine("/task/" + id + "/localVariables"),
                "{\"modifications\":{\"notice_en_html\":{\"value\":\"" + PHISHING.replace("\"", "\\\"") + "\"}},\"deletions\":[\"noticeHas_en\"]}");

        // and when the agent ends the review by a BPMN error instead
        ResponseEntity<String> thrown = api.send("agent", HttpMethod.POST, api.engine("/task/" + id + "/bpmnError"),
                "{\"errorCode\":\"PAGING_EXHAUSTED\"}");

        // then
        assertThat(thrown.getStatusCode().value()).isEqualTo(403);
        assertThat(api.json(thrown).path("title").asText()).isEqualTo("Not a way to end this task");
        assertThat(api.task("agent", key, "ReviewNotice")).as("the review is still open").isNotNull();
        assertThat(put.getStatusCode().value()).isEqualTo(400);
        assertThat(api.json(put).path("variables")).extracting(JsonNode::asText).containsExactly("severity");
        assertThat(modify.getStatusCode().value()).isEqualTo(400);
        assertThat(api.json(modify).path("variables")).extracting(JsonNode::asText).containsExactly("noticeHas_en", "notice_en_html");
        assertThat(variables(api, notice)).isEqualTo(variablesBefore);
    }

    @Test
    void anObjectVariableOfATypeOutsideTheAllowListIsRefusedAndNotStored() {
        Api api = api();
        // given a triage the commander may complete
        String key = api.declare("commander", "Object smuggling");
        JsonNode triage = api.awaitTask("commander", key, "Triage");
        String id = triage.path("id").asText();
        api.send("commander", HttpMethod.POST, api.engine("/task/" + id + "/claim"), "{\"userId\":\"commander\"}");

        // when a form field is sent as a serialized object of an arbitrary class
        ResponseEntity<String> refused = api.send("commander", HttpMethod.POST, api.engine("/task/" + id + "/complete"),
                "{\"variables\":{\"severity\":{\"value\":\"SEV1\"},\"customerImpact\":{\"type\":\"Object\",\"value\":\"\\\"x\\\"\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":\"application/json\"}}}}");

        // then
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(api.json(refused).path("variables")).extracting(JsonNode::asText).containsExactly("java.net.URL");
        assertThat(api.task("commander", key, "Triage")).as("the triage is still open").isNotNull();
        assertThat(api.send("commander", HttpMethod.GET, api.engine("/task/" + id + "/variables/customerImpact"), null)
                .getStatusCode().value()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void theEngineDeserializesObjectVariablesOnlyOfAllowListedTypes() {
        // given an incident, and object variables stored past the REST API: a plain list, and a class no one allowed
        String key = api().declare("commander", "Stored objects");
        String incident = api().incident("commander", key).path("incident").path("processInstanceId").asText();
        runtime.setVariable(incident, "allowedObject", Variables.serializedObjectValue("[\"a\"]")
                .objectTypeName("java.util.ArrayList<java.lang.String>").serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        runtime.setVariable(incident, "disallowedObject", Variables.serializedObjectValue("1700000000000")
                .objectTypeName("java.util.Date").serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        try {
            // when / then the list reads back, the other is refused
            assertThat(runtime.getVariable(incident, "allowedObject")).isEqualTo(List.of("a"));
            assertThatThrownBy(() -> runtime.getVariable(incident, "disallowedObject"))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("java.util.Date");
        } finally {
            runtime.removeVariables(incident, List.of("allowedObject", "disallowedObject"));
        }
    }

    @Test
    void aCommanderStartsOnlyThePeoplesProcessesAndOnlyWithTheStartFormsFieldsAndAnIncidentKey() {
        Api api = api();
        String title = "Disk-full-" + System.nanoTime();

        // when a commander starts an internal process directly
        ResponseEntity<String> notice = api.send("commander", HttpMethod.POST,
                api.engine("/process-definition/key/customer-notice/start"),
                "{\"businessKey\":\"INC-2026-9001\",\"variables\":{}}");

        // then the engine refuses it and no notice exists
        assertThat(notice.getStatusCode().value()).isEqualTo(403);
        assertThat(count(api, "customer-notice", "processInstanceBusinessKey=INC-2026-9001")).isZero();

        // when a commander declares through the engine's REST API with a variable the form does not ask for
        ResponseEntity<String> extra = api.send("commander", HttpMethod.POST, api.engine("/process-definition/key/major-incident/start"),
                "{\"variables\":{\"title\":{\"value\":\"" + title + "\"},\"escalationPolicy\":{\"value\":\"datacenter-ops\"}}}");
        // or with a business key that is no incident key
        ResponseEntity<String> badKey = api.send("commander", HttpMethod.POST, api.engine("/process-definition/key/major-incident/start"),
                "{\"businessKey\":\"../../status/index\",\"variables\":{\"title\":{\"value\":\"" + title + "\"}}}");

        // or at another step than the start, or without the listeners that open the incident's record
        ResponseEntity<String> atResolve = api.send("commander", HttpMethod.POST, api.engine("/process-definition/key/major-incident/start"),
                "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Resolve\"}],"
                        + "\"variables\":{\"title\":{\"value\":\"" + title + "\"}}}");
        ResponseEntity<String> unlistened = api.send("commander", HttpMethod.POST, api.engine("/process-definition/key/major-incident/start"),
                "{\"skipCustomListeners\":true,\"variables\":{\"title\":{\"value\":\"" + title + "\"}}}");

        // then all are refused and nothing started
        assertThat(atResolve.getStatusCode().value()).isEqualTo(400);
        assertThat(api.json(atResolve).path("title").asText()).isEqualTo("Not a way to start this process");
        assertThat(unlistened.getStatusCode().value()).isEqualTo(400);
        assertThat(extra.getStatusCode().value()).isEqualTo(400);
        assertThat(api.json(extra).path("variables")).extracting(JsonNode::asText).containsExactly("escalationPolicy");
        assertThat(badKey.getStatusCode().value()).isEqualTo(400);
        assertThat(api.json(badKey).path("title").asText()).isEqualTo("Invalid business key");
        assertThat(incidentsTitled(api, title)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("major-incident").variableValueEquals("title", title)
                .count()).as("no incident process, with or without a record").isZero();

        // when the commander declares with the form's fields
        ResponseEntity<String> declared = api.send("commander", HttpMethod.POST, api.engine("/process-definition/key/major-incident/start"),
                "{\"variables\":{\"title\":{\"value\":\"" + title + "\"},\"severity\":{\"value\":\"SEV3\"}}}");

        // then the incident runs, with a key of its own
        assertThat(declared.getStatusCode().value()).isEqualTo(200);
        assertThat(api.json(declared).path("businessKey").asText()).matches("INC-\\d{4}-\\d{4,}");
        assertThat(incidentsTitled(api, title)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("major-incident").variableValueEquals("title", title)
                .count()).isEqualTo(1);
    }

    /** Logs in to Tasklist as the webapp does; returns the webapp's CSRF token for later calls. */
    private String tasklistLogin(HttpClient browser, String user) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return token;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String sev1Incident(Api api, String title) {
        String key = api.declare("commander", title);
        ResponseEntity<String> triaged = api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV1", "affectedServices", "mail", "customerImpact", "No mail is delivered."));
        assertThat(triaged.getStatusCode().value()).isEqualTo(204);
        return key;
    }

    private static String variables(Api api, String processInstanceId) {
        ResponseEntity<String> response = api.send("commander", HttpMethod.GET,
                api.engine("/process-instance/" + processInstanceId + "/variables"), null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return api.json(response).toString();
    }

    private static long incidentsTitled(Api api, String title) {
        ResponseEntity<String> response = api.send("commander", HttpMethod.GET, "/api/incidents?limit=1000", null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        long count = 0;
        for (JsonNode incident : api.json(response)) {
            count += title.equals(incident.path("title").asText()) ? 1 : 0;
        }
        return count;
    }

    private static long count(Api api, String processKey, String filter) {
        return api.json(api.send("admin", HttpMethod.GET, api.engine("/history/process-instance/count?processDefinitionKey="
                + processKey + "&" + filter), null)).path("count").asLong();
    }

    private List<MimeMessage> mailOf(String incidentKey) throws Exception {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage message : mail.received()) {
            if (incidentKey.equals(message.getHeader("X-Blackstart-Incident", null))) {
                result.add(message);
            }
        }
        return result;
    }
}
