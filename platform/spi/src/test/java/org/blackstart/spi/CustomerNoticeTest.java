package org.blackstart.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerNoticeTest {

    @Test
    void readsTheWordsOfEveryLanguageAndThePublicPostsFromTheTaskVariables() {
        var variables = new HashMap<String, Object>();
        variables.put(CustomerNotice.Variables.STEP, "initial");
        variables.put(CustomerNotice.Variables.PHASE, "investigating");
        variables.put(CustomerNotice.Variables.LANGUAGE, "en");
        variables.put("notice_en_subject", "Mail delayed");
        variables.put("notice_en_text", "We are on it.");
        variables.put("notice_nl_subject", "Mail vertraagd");
        variables.put("notice_nl_sms", "Mail vertraagd. Zie status.example.com");
        variables.put("notice_x", "Mail is delayed. https://status.example.com");
        variables.put("title", "not a notice part");
        var task = new TaskContext("t1", Topics.NOTICE_EMAIL, "INC-2026-0001", "pi", "SendNotice", 1, variables);

        CustomerNotice notice = CustomerNotice.from(task);

        assertThat(notice.step()).isEqualTo("initial");
        assertThat(notice.phase()).isEqualTo("investigating");
        assertThat(notice.text("nl").subject()).isEqualTo("Mail vertraagd");
        assertThat(notice.text("nl-BE").sms()).isEqualTo("Mail vertraagd. Zie status.example.com");
        assertThat(notice.text("en").text()).isEqualTo("We are on it.");
        assertThat(notice.post("x")).isEqualTo("Mail is delayed. https://status.example.com");
        assertThat(notice.posts()).containsOnlyKeys("x");
    }

    @Test
    void aReaderOfALanguageWithoutWordsReadsTheNoticeLanguage() {
        var task = new TaskContext("t1", Topics.NOTICE_EMAIL, "INC-2026-0001", "pi", "SendNotice", 1, Map.of(
                CustomerNotice.Variables.LANGUAGE, "en", "notice_en_subject", "Mail delayed"));

        CustomerNotice notice = CustomerNotice.from(task);

        assertThat(notice.text("fr").subject()).isEqualTo("Mail delayed");
        assertThat(notice.step()).as("no step named: the activity is the step").isEqualTo("SendNotice");
    }

    @Test
    void theVariableNamesAreTheOnesFormsAndTemplatesUse() {
        assertThat(CustomerNotice.Variables.text("de-CH", CustomerNotice.TextPart.SUBJECT)).isEqualTo("notice_de_subject");
        assertThat(CustomerNotice.Variables.post("mastodon")).isEqualTo("notice_mastodon");
        assertThat(Topics.notice("x")).isEqualTo(Topics.NOTICE_X);
        assertThat(Topics.noticeChannel("notice.email")).isEqualTo("email");
        assertThat(Topics.carriesCustomerNotice(Topics.NOTICE_DRAFT)).isFalse();
        assertThat(Topics.carriesCustomerNotice(Topics.PAGE_PHONE)).isFalse();
    }
}
