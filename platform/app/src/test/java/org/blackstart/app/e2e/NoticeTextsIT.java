package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What customers were told is kept as it went out, per language, under the delivery ledger's step: a returned
 * notice keeps nothing, the approved one keeps the agent's last words; a notice that needs no approval (below SEV1)
 * is kept as the agent sent it.
 */
class NoticeTextsIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anApprovedNoticeIsKeptPerLanguageWithTheWordsAsSent() {
        Api api = api();
        // given a SEV1 notice the agent sends by e-mail with an edited English text
        String key = api.declare("commander", "Webmail answers 503 for every mailbox");
        assertThat(api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV1",
                "affectedServices", "mail", "customerImpact", "No webmail.")).getStatusCode().value()).isEqualTo(204);
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        Map<String, Object> send = new LinkedHashMap<>();
        send.put("noticeDecision", "send");
        for (String channel : new String[] {"email", "sms", "x", "mastodon", "statuspage"}) {
            send.put("send_" + channel, channel.equals("email"));
        }
        send.put("notice_en_text", "Webmail is back by 14:00, your mail is safe.");
        assertThat(api.claimAndComplete("agent", review, send).getStatusCode().value()).isEqualTo(204);

        // when the commander returns it first
        JsonNode approval = api.awaitTask("commander", key, "ApproveNotice");
        assertThat(api.claimAndComplete("commander", approval, Map.of("noticeApproval", "return",
                "noticeApprovalComment", "Say that mail is safe.")).getStatusCode().value()).isEqualTo(204);

        // then nothing is kept of it
        assertThat(rows(key)).isEmpty();

        // when the agent sends it again and the commander approves it
        assertThat(api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), send).getStatusCode().value())
                .isEqualTo(204);
        approval = api.awaitTask("commander", key, "ApproveNotice");
        String step = variable(api, approval.path("processInstanceId").asText(), "noticeStep");
        assertThat(api.claimAndComplete("commander", approval, Map.of("noticeApproval", "approve")).getStatusCode().value())
                .isEqualTo(204);

        // then each language in play has one row under the ledger's step, English with the agent's words
        List<Map<String, Object>> rows = rows(key);
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(row -> row.get("NOTICE")).containsOnly(step);
        assertThat(rows).extracting(row -> row.get("LANGUAGE")).doesNotHaveDuplicates().contains("en");
        Map<String, Object> english = rows.stream().filter(row -> "en".equals(row.get("LANGUAGE"))).findFirst().orElseThrow();
        assertThat(english.get("BODY")).isEqualTo("Webmail is back by 14:00, your mail is safe.");
        assertThat((String) english.get("SUBJECT")).isNotBlank();
        assertThat(english).containsEntry("CHANNELS", "email").containsEntry("APPROVED_BY", "commander")
                .containsEntry("PHASE", variable(api, approval.path("processInstanceId").asText(), "noticePhase"));
    }

    @Test
    void aNoticeSentWithoutApprovalIsKeptAsTheAgentSentIt() {
        Api api = api();
        // given a SEV3 notice, which goes out on the agent's word alone
        String key = api.declare("commander", "Calendar sync is slow for some mailboxes");
        assertThat(api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV3",
                "affectedServices", "mail", "customerImpact", "Calendars lag.")).getStatusCode().value()).isEqualTo(204);
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        String step = variable(api, review.path("processInstanceId").asText(), "noticeStep");
        Map<String, Object> send = new LinkedHashMap<>();
        send.put("noticeDecision", "send");
        for (String channel : new String[] {"email", "sms", "x", "mastodon", "statuspage"}) {
            send.put("send_" + channel, channel.equals("email"));
        }
        send.put("notice_en_text", "Calendar changes may take an hour to show; nothing is lost.");

        // when the agent sends it
        assertThat(api.claimAndComplete("agent", review, send).getStatusCode().value()).isEqualTo(204);

        // then it is kept under its step, with the agent's words and the agent as who let it go
        List<Map<String, Object>> rows = rows(key);
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(row -> row.get("NOTICE")).containsOnly(step);
        Map<String, Object> english = rows.stream().filter(row -> "en".equals(row.get("LANGUAGE"))).findFirst().orElseThrow();
        assertThat(english.get("BODY")).isEqualTo("Calendar changes may take an hour to show; nothing is lost.");
        assertThat(english).containsEntry("CHANNELS", "email").containsEntry("APPROVED_BY", "agent");
    }

    private List<Map<String, Object>> rows(String key) {
        return jdbc.queryForList("SELECT notice, language, subject, body, channels, approved_by, phase FROM bs_notice_text "
                + "WHERE incident_key = ? ORDER BY language", key);
    }

    private static String variable(Api api, String processInstanceId, String name) {
        ResponseEntity<String> response = api.send("commander", HttpMethod.GET,
                api.engine("/process-instance/" + processInstanceId + "/variables/" + name), null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return api.json(response).path("value").asText();
    }
}
