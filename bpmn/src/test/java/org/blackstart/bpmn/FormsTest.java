package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form a process references exists, and its fields are the variables the process reads. */
class FormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn", "bpmn/paging.bpmn",
            "bpmn/customer-call.bpmn", "bpmn/vendor-escalation.bpmn", "bpmn/postmortem.bpmn",
            "bpmn/action-item.bpmn", "bpmn/notice-catchup.bpmn", "bpmn/on-site.bpmn", "bpmn/overdue-task.bpmn",
            "bpmn/deferred-work.bpmn"})
    void everyReferencedFormExistsWithItsOwnId(String process) throws IOException {
        for (String formId : formRefs(process)) {
            JsonNode form = read("forms/" + formId + ".form");
            assertThat(form).as("form %s referenced by %s", formId, process).isNotNull();
            assertThat(form.path("id").asText()).isEqualTo(formId);
            assertThat(form.path("components")).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"triage:severity", "triage:affectedServices", "triage:customerImpact",
            "review-notice:notice_en_subject", "review-notice:notice_en_text", "review-notice:noticeDecision",
            "review-notice:notice_nl_subject", "review-notice:notice_x", "approve-notice:noticeApproval",
            "customer-update:updateDecision", "call-customer:callOutcome", "call-customer:callDecision",
            "declare-incident:title", "mitigate:mitigationSummary", "mitigate:mitigationNotice", "resolve:resolutionSummary",
            "answer-vendor-request:vendorAnswer", "gather-dispute-evidence:vendorRebuttal", "settle-dispute:disputeOutcome",
            "postmortem-write:summary", "postmortem-write:trigger", "postmortem-write:contributingFactors",
            "postmortem-write:customerSummary", "postmortem-write:customerChanges", "postmortem-write:reviewer",
            "postmortem-review:postmortemVerdict", "approve-catchup:catchUpDecision",
            "keep-vendor-case:keepVendorCase", "close-kept-case:closeKeptCaseReason",
            "on-site-check-in:onSiteArrived", "overdue-task:overdueAction"})
    void requiredFieldsAreRequired(String formAndKey) throws IOException {
        String[] parts = formAndKey.split(":");
        JsonNode form = read("forms/" + parts[0] + ".form");

        JsonNode field = find(form.path("components"), parts[1]);

        assertThat(field).as("field %s in form %s", parts[1], parts[0]).isNotNull();
        assertThat(field.path("validate").path("required").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl", "de", "fr"})
    void theReviewFormShowsALanguageOnlyWhenTheAudienceReadsIt(String language) throws IOException {
        JsonNode form = read("forms/review-notice.form");

        JsonNode group = null;
        for (JsonNode component : form.path("components")) {
            if (find(component.path("components"), "notice_" + language + "_subject") != null) {
                group = component;
            }
        }

        assertThat(group).as("group of %s", language).isNotNull();
        assertThat(group.path("conditional").path("hide").asText()).isEqualTo("=not(noticeHas_" + language + ")");
        assertThat(find(group.path("components"), "notice_" + language + "_sms")).isNotNull();
        assertThat(find(group.path("components"), "notice_" + language + "_phone")).isNotNull();
    }

    /** One section per language, folded until the agent unfolds it: the form was about 6,200 px tall. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "nl", "de", "fr"})
    void eachLanguagesTextsAreFoldedUntilTheAgentUnfoldsThem(String language) throws IOException {
        JsonNode form = read("forms/review-notice.form");

        JsonNode folded = null;
        for (JsonNode component : form.path("components")) {
            for (JsonNode child : component.path("components")) {
                if (find(child.path("components"), "notice_" + language + "_text") != null) {
                    folded = child;
                }
            }
        }
        JsonNode toggle = find(form.path("components"), "noticeShow_" + language);

        assertThat(toggle.path("type").asText()).isEqualTo("checkbox");
        assertThat(toggle.has("defaultValue")).as("folded when the form opens").isFalse();
        assertThat(folded).as("the texts of %s inside a foldable group", language).isNotNull();
        assertThat(folded.path("conditional").path("hide").asText()).isEqualTo("=not(noticeShow_" + language + " = true)");
        for (String part : List.of("subject", "text", "sms", "phone")) {
            assertThat(find(folded.path("components"), "notice_" + language + "_" + part)).as(part).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"review-notice:noticeDecision", "approve-notice:noticeApproval", "postmortem-review:postmortemVerdict",
            "keep-vendor-case:keepVendorCase"})
    void noDecisionIsChosenInAdvance(String formAndKey) throws IOException {
        String[] parts = formAndKey.split(":");

        JsonNode decision = find(read("forms/" + parts[0] + ".form").path("components"), parts[1]);

        assertThat(decision.has("defaultValue")).as("%s preselected", parts[1]).isFalse();
        assertThat(decision.path("validate").path("required").asBoolean()).isTrue();
        assertThat(decision.path("properties").path("blackstart.decision").asText())
                .as("the platform's task guard also asks for %s on completions through the API", parts[1]).isEqualTo("required");
    }

    /** Blameless: the form steers the author to systems and conditions, away from naming a person as the cause. */
    @org.junit.jupiter.api.Test
    void contributingFactorsAskForSystemsNotPeople() throws IOException {
        JsonNode factors = field("postmortem-write", "contributingFactors");

        assertThat(factors.path("description").asText()).contains("not \"root cause = a person\"");
    }

    /** The reviewer reads what they approve, and cannot change the author's text on the way. */
    @ParameterizedTest
    @ValueSource(strings = {"summary", "trigger", "contributingFactors", "wentWell", "wentWrong", "gotLucky",
            "customerSummary", "customerChanges"})
    void theReviewShowsTheSectionsReadOnly(String key) throws IOException {
        JsonNode section = field("postmortem-review", key);

        assertThat(section).as(key).isNotNull();
        assertThat(section.path("disabled").asBoolean()).isTrue();
    }

    /** The commander approves what goes out: a channel's text shows only when the agent chose that channel. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "mastodon", "statuspage"})
    void theApprovalShowsAPublicPostOnlyWhenItsChannelWasChosen(String channel) throws IOException {
        JsonNode form = read("forms/approve-notice.form");

        JsonNode post = null;
        for (JsonNode component : form.path("components")) {
            if (component.path("text").asText().contains("{{notice_" + channel + "}}")) {
                post = component;
            }
        }

        assertThat(post).as("the %s text", channel).isNotNull();
        assertThat(post.path("conditional").path("hide").asText())
                .isEqualTo("=not(noticeCan_" + channel + " = true and send_" + channel + " = true)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email:subject", "email:text", "sms:sms"})
    void theApprovalShowsEMailAndSmsOnlyWhenChosen(String channelAndPart) throws IOException {
        String[] parts = channelAndPart.split(":");
        JsonNode form = read("forms/approve-notice.form");

        for (String language : List.of("en", "nl", "de", "fr")) {
            JsonNode shown = null;
            for (JsonNode group : form.path("components")) {
                for (JsonNode component : group.path("components")) {
                    if (component.path("text").asText().contains("{{notice_" + language + "_" + parts[1] + "}}")) {
                        shown = component;
                    }
                }
            }
            assertThat(shown).as("%s %s", language, parts[1]).isNotNull();
            assertThat(shown.path("conditional").path("hide").asText())
                    .isEqualTo("=not(noticeCan_" + parts[0] + " = true and send_" + parts[0] + " = true)");
        }
    }

    @org.junit.jupiter.api.Test
    void publicPostsAreHeldToTheirNetworksLimits() throws IOException {
        JsonNode form = read("forms/review-notice.form");

        assertThat(find(form.path("components"), "notice_x").path("validate").path("maxLength").asInt()).isEqualTo(280);
        assertThat(find(form.path("components"), "notice_mastodon").path("validate").path("maxLength").asInt()).isEqualTo(500);
    }

    /** A field by key, also inside groups. */
    private static JsonNode find(JsonNode components, String key) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
            JsonNode nested = find(component.path("components"), key);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"triage", "declare-incident"})
    void severityOffersExactlySev1ToSev4(String formId) throws IOException {
        JsonNode form = read("forms/" + formId + ".form");
        List<String> values = new ArrayList<>();
        for (JsonNode component : form.path("components")) {
            if ("severity".equals(component.path("key").asText())) {
                component.path("values").forEach(v -> values.add(v.path("value").asText()));
            }
        }

        assertThat(values).containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn", "bpmn/paging.bpmn",
            "bpmn/customer-call.bpmn", "bpmn/vendor-escalation.bpmn", "bpmn/postmortem.bpmn",
            "bpmn/action-item.bpmn", "bpmn/deferred-work.bpmn"})
    void everyUserTaskHasTheLatestVersionOfAForm(String process) throws IOException {
        BpmnModelInstance model;
        try (InputStream in = FormsTest.class.getClassLoader().getResourceAsStream(process)) {
            model = Bpmn.readModelFromStream(in);
        }

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).as("form of %s in %s", task.getId(), process).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as("form binding of %s in %s", task.getId(), process)
                    .isEqualTo("latest");
        }
    }

    /** The paged person and the commander see what the incident is about, and cannot change it there. */
    @ParameterizedTest
    @ValueSource(strings = {"acknowledge-page:title", "acknowledge-page:severity", "acknowledge-page:summary",
            "nobody-acknowledged:title", "nobody-acknowledged:severity", "nobody-acknowledged:summary",
            "triage:seenBefore"})
    void incidentFieldsAreShownReadOnly(String formAndKey) throws IOException {
        String[] parts = formAndKey.split(":");

        JsonNode field = field(parts[0], parts[1]);

        assertThat(field).as("field %s in form %s", parts[1], parts[0]).isNotNull();
        assertThat(field.path("disabled").asBoolean()).as("%s is read-only", parts[1]).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acknowledge-page", "nobody-acknowledged"})
    void pagingFormsAskNothingButAnOptionalNote(String formId) throws IOException {
        List<String> editable = new ArrayList<>();
        for (JsonNode component : read("forms/" + formId + ".form").path("components")) {
            if (component.has("key") && !component.path("disabled").asBoolean()) {
                editable.add(component.path("key").asText());
                assertThat(component.path("validate").path("required").asBoolean())
                        .as("%s in %s is optional: acknowledging must never wait on typing", component.path("key"), formId)
                        .isFalse();
            }
        }

        assertThat(editable).isEqualTo(formId.equals("acknowledge-page") ? List.of("acknowledgedNote") : List.of());
    }

    /** Whoever answers a vendor sees what the vendor wrote, and cannot change it before answering. */
    @ParameterizedTest
    @ValueSource(strings = {"answer-vendor-request:vendorMessageText", "gather-dispute-evidence:vendorMessageText",
            "confirm-vendor-fix:vendorMessageText", "settle-dispute:vendorMessageText", "settle-dispute:vendorRebuttal",
            "answer-vendor-request:vendorCaseNumber", "vendor-sla-breached:ackSla", "case-refused:vendorCaseError",
            "vendor-update-refused:vendorCaseError"})
    void vendorMessagesAreShownReadOnly(String formAndKey) throws IOException {
        String[] parts = formAndKey.split(":");

        JsonNode field = field(parts[0], parts[1]);

        assertThat(field).as("field %s in form %s", parts[1], parts[0]).isNotNull();
        assertThat(field.path("disabled").asBoolean()).as("%s is read-only", parts[1]).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aDisputeEndsAsTheVendorsFaultOursOrWithdrawn() throws IOException {
        List<String> values = new ArrayList<>();
        field("settle-dispute", "disputeOutcome").path("values").forEach(v -> values.add(v.path("value").asText()));

        assertThat(values).containsExactly("vendor-fault", "our-fault", "withdrawn");
    }

    /** The vendor is told the fault is still there only when the commander leaves the fix unconfirmed. */
    @org.junit.jupiter.api.Test
    void aVendorFixIsConfirmedWithATickedBox() throws IOException {
        JsonNode confirmed = field("confirm-vendor-fix", "vendorFixConfirmed");

        assertThat(confirmed.path("type").asText()).isEqualTo("checkbox");
        assertThat(confirmed.path("defaultValue").asBoolean()).isFalse();
    }

    /** Telling customers is a decision the commander makes at Mitigate, never one the form makes for them. */
    @org.junit.jupiter.api.Test
    void theMonitoringUpdateIsChosenNotPreselected() throws IOException {
        JsonNode notice = field("mitigate", "mitigationNotice");

        assertThat(notice.path("type").asText()).isEqualTo("radio");
        assertThat(notice.has("defaultValue")).isFalse();
        assertThat(notice.path("values").findValuesAsText("value")).containsExactly("monitoring", "none");
    }

    private static JsonNode field(String formId, String key) throws IOException {
        for (JsonNode component : read("forms/" + formId + ".form").path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        return null;
    }

    private static List<String> formRefs(String process) throws IOException {
        String xml;
        try (InputStream in = FormsTest.class.getClassLoader().getResourceAsStream(process)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = FormsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        }
    }
}
