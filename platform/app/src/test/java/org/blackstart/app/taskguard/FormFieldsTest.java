package org.blackstart.app.taskguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theNoticeReviewDeclaresItsFieldsInsideGroupsAndNothingThatDecidesTheProcess() throws Exception {
        // given the deployed review form
        JsonNode form = form("forms/review-notice.form");

        // when
        var fields = FormFields.declaredIn(form);

        // then the channels and texts in every group are fields; severity and the computed flags are not
        assertThat(fields).contains("send_email", "send_statuspage", "notice_en_subject", "notice_en_text",
                "notice_fr_phone", "notice_x", "noticeDecision", "noticeWithholdReason", "noticeShow_en", "noticeShow_fr");
        assertThat(fields).doesNotContain("severity", "noticeHas_en", "notice_en_html", "noticeApproval", "title");
    }

    @Test
    void aGroupOrDynamicListWithAPathIsOneVariableAndDottedKeysNameTheirTopLevelVariable() throws Exception {
        // given
        JsonNode form = JSON.readTree("""
                {"components": [
                  {"type": "text", "text": "no key"},
                  {"type": "textfield", "key": "contact.email"},
                  {"type": "group", "components": [{"type": "number", "key": "count"}]},
                  {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "street"}]},
                  {"type": "dynamiclist", "path": "steps", "components": [{"type": "textfield", "key": "step"}]},
                  {"type": "textfield", "key": "  "}
                ]}""");

        // when
        var fields = FormFields.declaredIn(form);

        // then
        assertThat(fields).containsExactlyInAnyOrder("contact", "count", "address", "steps");
    }

    @Test
    void aDisabledFieldOnlyShowsAValueAndIsNoFieldToSet() throws Exception {
        // given the page acknowledgement, which shows the incident's severity in a disabled field
        JsonNode form = form("forms/acknowledge-page.form");

        // when
        var fields = FormFields.declaredIn(form);

        // then
        assertThat(fields).containsExactly("acknowledgedNote");
    }

    @Test
    void theDecisionsAFormOwesOnEveryCompletionAreTheMarkedAlwaysShownFields() throws Exception {
        // given a form with marked choices (shown, conditional, disabled) and unmarked required ones
        JsonNode form = JSON.readTree("""
                {"components": [
                  {"type": "radio", "key": "decision", "validate": {"required": true}, "properties": {"blackstart.decision": "required"}},
                  {"type": "select", "key": "outcome", "properties": {"blackstart.decision": "required"}},
                  {"type": "radio", "key": "requiredInTheBrowserOnly", "validate": {"required": true}},
                  {"type": "radio", "key": "onlySometimes", "properties": {"blackstart.decision": "required"}, "conditional": {"hide": "=x"}},
                  {"type": "radio", "key": "shown", "properties": {"blackstart.decision": "required"}, "disabled": true},
                  {"type": "radio", "key": "other", "properties": {"blackstart.decision": "optional"}}
                ]}""");

        // when
        var decisions = FormFields.requiredDecisionsIn(form);

        // then
        assertThat(decisions).containsExactly("decision", "outcome");
    }

    @Test
    void theNoticeFormsRequireTheirDecisions() throws Exception {
        assertThat(FormFields.requiredDecisionsIn(form("forms/review-notice.form"))).containsExactly("noticeDecision");
        assertThat(FormFields.requiredDecisionsIn(form("forms/approve-notice.form"))).containsExactly("noticeApproval");
    }

    @Test
    void aFormWithoutComponentsDeclaresNothing() throws Exception {
        assertThat(FormFields.declaredIn(JSON.readTree("{\"type\": \"default\"}"))).isEmpty();
    }

    private static JsonNode form(String resource) throws Exception {
        try (InputStream in = FormFieldsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
