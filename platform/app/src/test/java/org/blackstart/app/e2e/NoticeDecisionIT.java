package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Nobody sends a notice or approves one by default: the review and the approval forms preselect no
 * decision, and a task completed without one through the engine's REST API (where no form checks
 * anything) is refused with a message and changes nothing. Without this, the process withheld a
 * notice nobody chose to withhold, or returned one to the agent with no word why.
 */
class NoticeDecisionIT extends PlatformIT {

    @Autowired
    TaskService tasks;

    @Test
    void aReviewCompletedWithoutADecisionIsRefusedAndChangesNothing() {
        Api api = api();
        // given a SEV1 notice waiting for the agent's review, which has no decision yet
        String key = sev1Incident(api, "Mail relay lost its disks");
        JsonNode review = claimed(api, "agent", api.awaitTask("agent", key, "ReviewNotice"));
        String notice = review.path("processInstanceId").asText();
        assertThat(variables(api, notice).has("noticeDecision")).as("no decision is drafted for the agent").isFalse();
        String before = variables(api, notice).toString();

        // when the agent completes it with an edited text and a folded section, but no decision
        ResponseEntity<String> refused = api.complete("agent", review.path("id").asText(),
                Map.of("notice_en_text", "Edited.", "noticeShow_en", true));

        // then it is refused, saying what is missing, and nothing changed
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(api.json(refused).path("variables")).extracting(JsonNode::asText).containsExactly("noticeDecision");
        assertThat(api.json(refused).path("detail").asText()).isEqualTo("choose noticeDecision as the task's form asks; nothing was changed");
        assertThat(api.task("agent", key, "ReviewNotice")).as("the review is still open").isNotNull();
        assertThat(variables(api, notice).toString()).isEqualTo(before);
        assertThat(api.task("commander", key, "ApproveNotice")).as("no approval asked for").isNull();
        assertThat(api.incident("commander", key).path("timeline").toString()).doesNotContain("notice withheld");

        // and when the platform's own code completes it without a decision, past the REST guard
        assertThatThrownBy(() -> tasks.complete(review.path("id").asText(), Map.of("notice_en_text", "Edited.")))
                .hasMessageContaining("Choose a decision: send the notice, or withhold it.");

        // then the review's listener refuses it too, and nothing changed
        assertThat(api.task("agent", key, "ReviewNotice")).as("the review is still open").isNotNull();
        assertThat(variables(api, notice).toString()).isEqualTo(before);
    }

    @Test
    void theApprovalNamesTheChosenChannelsAndAReturnedNoticeWaitsForANewDecision() {
        Api api = api();
        // given the agent sends a SEV1 notice by e-mail only, having unfolded the English texts to read them
        String key = sev1Incident(api, "Webmail cluster down");
        JsonNode review = claimed(api, "agent", api.awaitTask("agent", key, "ReviewNotice"));
        String notice = review.path("processInstanceId").asText();
        Map<String, Object> emailOnly = new LinkedHashMap<>();
        emailOnly.put("noticeDecision", "send");
        emailOnly.put("noticeShow_en", true);
        for (String channel : new String[] {"email", "sms", "x", "mastodon", "statuspage"}) {
            emailOnly.put("send_" + channel, channel.equals("email"));
        }
        ResponseEntity<String> sent = api.complete("agent", review.path("id").asText(), emailOnly);
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(204);

        // when the commander opens the approval
        JsonNode approval = claimed(api, "commander", api.awaitTask("commander", key, "ApproveNotice"));
        JsonNode shown = api.json(api.send("commander", HttpMethod.GET,
                api.engine("/task/" + approval.path("id").asText() + "/form-variables"), null));

        // then it names e-mail as the only channel, and the section toggle did not stay on the process
        assertThat(shown.path("noticeSendingOn").path("value").asText()).matches("e-mail to \\d+ recipients?");
        assertThat(shown.has("noticeShow_en")).as("the form's folding is not process data").isFalse();
        assertThat(shown.path("noticeApproval").path("value").isMissingNode() || shown.path("noticeApproval").path("value").isNull())
                .as("no approval decision preselected").isTrue();

        // when the commander completes it without a decision
        String before = variables(api, notice).toString();
        ResponseEntity<String> refused = api.complete("commander", approval.path("id").asText(), Map.of());

        // then it is refused and nothing changed: the notice is neither sent nor returned
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(api.json(refused).path("variables")).extracting(JsonNode::asText).containsExactly("noticeApproval");
        assertThat(api.task("commander", key, "ApproveNotice")).as("the approval is still open").isNotNull();
        assertThat(api.task("agent", key, "ReviewNotice")).as("not returned to the agent").isNull();
        assertThat(variables(api, notice).toString()).isEqualTo(before);

        // when the commander returns it with a comment
        ResponseEntity<String> returned = api.complete("commander", approval.path("id").asText(),
                Map.of("noticeApproval", "return", "noticeApprovalComment", "Say when webmail is back."));

        // then the agent's review shows no decision from last time
        assertThat(returned.getStatusCode().value()).as(returned.getBody()).isEqualTo(204);
        JsonNode again = claimed(api, "agent", api.awaitTask("agent", key, "ReviewNotice"));
        assertThat(variables(api, notice).has("noticeDecision")).as("the agent decides again").isFalse();

        // and when the agent sends it again, the commander's second approval shows no decision either
        emailOnly.put("notice_en_text", "Webmail is back by 14:00.");
        assertThat(api.complete("agent", again.path("id").asText(), emailOnly).getStatusCode().value()).isEqualTo(204);
        api.awaitTask("commander", key, "ApproveNotice");
        assertThat(variables(api, notice).has("noticeApproval")).as("the commander decides again").isFalse();
    }

    private static JsonNode claimed(Api api, String user, JsonNode task) {
        ResponseEntity<String> claim = api.send(user, HttpMethod.POST, api.engine("/task/" + task.path("id").asText() + "/claim"),
                "{\"userId\":\"" + user + "\"}");
        assertThat(claim.getStatusCode().value()).isEqualTo(204);
        return task;
    }

    private static String sev1Incident(Api api, String title) {
        String key = api.declare("commander", title);
        ResponseEntity<String> triaged = api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"),
                Map.of("severity", "SEV1", "affectedServices", "mail", "customerImpact", "No mail is delivered."));
        assertThat(triaged.getStatusCode().value()).isEqualTo(204);
        return key;
    }

    private static JsonNode variables(Api api, String processInstanceId) {
        ResponseEntity<String> response = api.send("commander", HttpMethod.GET,
                api.engine("/process-instance/" + processInstanceId + "/variables"), null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return api.json(response);
    }
}
