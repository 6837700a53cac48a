package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/customer-notice.bpmn", "bpmn/customer-call.bpmn"})
class CustomerNoticeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private FakeNoticeServices notices;

    @BeforeEach
    void fakes() {
        notices = FakeNoticeServices.register();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance requested(String key, String severity) {
        notices.incidentSeverities.put(key, severity);
        return runtimeService().startProcessInstanceByKey("customer-notice", key, Map.of("title", "Mail delayed",
                "severity", severity, "noticeStep", "initial", "noticePhase", "investigating"));
    }

    /** The draft as the platform leaves it: texts, and which channels it offers and ticks. */
    private void drafted(ProcessInstance notice, String... channels) {
        assertThat(notice).isWaitingAt("DraftNotice");
        assertThat(externalTask(notice)).hasTopicName("notice.draft");
        Map<String, Object> draft = new HashMap<>(Map.of("notice_en_subject", "[SEV2] Mail delayed",
                "notice_en_text", "Incoming mail is late.", "noticeAudienceLine", "3 customers"));
        for (String channel : channels) {
            draft.put("noticeCan_" + channel, true);
            draft.put("send_" + channel, true);
        }
        complete(externalTask(notice), draft);
    }

    private List<String> openTopics(ProcessInstance notice) {
        return engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(notice.getId()).list().stream()
                .map(ExternalTask::getTopicName).sorted().toList();
    }

    private void completeTopic(String topic, Map<String, Object> results) {
        List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(1, "test").topic(topic, 10_000).execute();
        assertThat(locked).as("an open %s task", topic).hasSize(1);
        engine.getExternalTaskService().complete(locked.get(0).getId(), "test", results);
    }

    private void failTopic(String topic, String errorCode, String message) {
        List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(1, "test").topic(topic, 10_000).execute();
        assertThat(locked).as("an open %s task", topic).hasSize(1);
        engine.getExternalTaskService().handleBpmnError(locked.get(0).getId(), "test", errorCode, message);
    }

    @Test
    void anApprovedNoticeIsPublishedOnEveryTickedChannelEachWithItsOwnTopic() {
        ProcessInstance notice = requested("INC-2026-0001", "SEV2");
        drafted(notice, "email", "x", "statuspage");

        assertThat(notice).isWaitingAt("ReviewNotice");
        assertThat(task(notice)).hasCandidateGroup("support-agents").hasName("Review the initial notice INC-2026-0001: Mail delayed");
        complete(task(notice), withVariables("noticeDecision", "send", "send_x", false));

        assertThat(notice).as("SEV2 needs no commander").hasPassed("StartCalls").hasNotPassed("ApproveNotice");
        assertThat(openTopics(notice)).as("the agent unticked X").containsExactly("notice.email", "notice.statuspage");
        completeTopic("notice.email", Map.of("noticeSent", 3));
        completeTopic("notice.statuspage", Map.of("noticeReference", "https://status.example/i/INC-2026-0001"));

        assertThat(notice).isEnded().hasPassed("NoticeSent");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(notice.getId())
                .variableName("noticeSent").list()).as("each channel keeps its own result")
                .extracting(v -> ((Number) v.getValue()).intValue()).containsExactlyInAnyOrder(3, 0);
    }

    @Test
    void aSev1NoticeWaitsForTheCommanderWhoCanReturnItWithAComment() {
        ProcessInstance notice = requested("INC-2026-0002", "SEV1");
        drafted(notice, "email");
        complete(task(notice), withVariables("noticeDecision", "send"));

        assertThat(notice).isWaitingAt("ApproveNotice");
        assertThat(task(notice)).hasCandidateGroup("incident-commanders");
        assertThat(openTopics(notice)).as("nothing goes out before approval").isEmpty();
        complete(task(notice), withVariables("noticeApproval", "return", "noticeApprovalComment", "Say when mail resumes"));

        assertThat(notice).isWaitingAt("ReviewNotice");
        assertThat(notice).variables().containsEntry("noticeApprovalComment", "Say when mail resumes");
        complete(task(notice), withVariables("noticeDecision", "send", "notice_en_text", "Mail resumes at 14:00."));
        complete(task(notice), withVariables("noticeApproval", "approve"));

        assertThat(openTopics(notice)).containsExactly("notice.email");
        assertThat(notice).variables().containsEntry("notice_en_text", "Mail resumes at 14:00.");
    }

    @Test
    void aSev1NoticeStillWaitsForTheCommanderWhenTheReviewOverwritesItsSeverity() {
        // given a notice for a SEV1 incident, reviewed by an agent who also sends severity SEV3
        ProcessInstance notice = requested("INC-2026-0009", "SEV1");
        drafted(notice, "email");

        // when
        complete(task(notice), withVariables("noticeDecision", "send", "severity", "SEV3"));

        // then the incident's record decides: the commander must still approve, and nothing goes out
        assertThat(notice).variables().containsEntry("severity", "SEV3");
        assertThat(notice).isWaitingAt("ApproveNotice");
        assertThat(openTopics(notice)).isEmpty();
    }

    @Test
    void aWithheldNoticeSendsNothing() {
        ProcessInstance notice = requested("INC-2026-0003", "SEV1");
        drafted(notice, "email", "x");

        complete(task(notice), withVariables("noticeDecision", "withhold", "noticeWithholdReason", "internal only"));

        assertThat(notice).isEnded().hasPassed("NoticeWithheld").hasNotPassed("ApproveNotice", "PublishOnChannel");
    }

    @Test
    void whenTheMailSystemIsDownTheOtherChannelsStillPublishAndTheSkipIsRecorded() {
        ProcessInstance notice = requested("INC-2026-0004", "SEV2");
        drafted(notice, "email", "sms", "x");
        complete(task(notice), withVariables("noticeDecision", "send"));

        failTopic("notice.email", "CHANNEL_UNAVAILABLE", "SMTP server mail.example:25 refused the connection");
        completeTopic("notice.sms", Map.of("noticeSent", 1));
        completeTopic("notice.x", Map.of("noticeReference", "https://x.com/status/1"));

        assertThat(notice).isEnded().hasPassed("RecordUnavailable", "NoticeSent");
        assertThat(notices.lines).containsExactly("unavailable email: SMTP server mail.example:25 refused the connection",
                "kept the skipped recipients of email");
    }

    @Test
    void aChannelWhoseInfrastructureWasFoundDownIsSkippedWithoutTrying() {
        notices.down.add("email");
        ProcessInstance notice = requested("INC-2026-0005", "SEV2");
        drafted(notice, "email", "x");
        complete(task(notice), withVariables("noticeDecision", "send"));

        assertThat(openTopics(notice)).containsExactly("notice.x");
        assertThat(notices.lines).containsExactly("skipped email", "kept the skipped recipients of email");
        completeTopic("notice.x", Map.of());
        assertThat(notice).isEnded().hasPassed("SkipChannel");
    }

    @Test
    void aChannelThatRefusesTheNoticeIsRecordedAndTheOthersGoOn() {
        ProcessInstance notice = requested("INC-2026-0006", "SEV2");
        drafted(notice, "mastodon", "statuspage");
        complete(task(notice), withVariables("noticeDecision", "send"));

        failTopic("notice.mastodon", "NOTICE_REFUSED", "Validation failed: Text character limit of 500 exceeded");
        completeTopic("notice.statuspage", Map.of());

        assertThat(notice).isEnded().hasPassed("RecordRefused");
        assertThat(notices.lines).contains("refused mastodon: NOTICE_REFUSED");
    }

    @Test
    void keyAccountsGetAPhoneCallTaskForSupportThatDoesNotHoldTheNoticeBack() {
        notices.keyAccounts = Map.of("Rotterdam Flowers", "+31105550100");
        ProcessInstance notice = requested("INC-2026-0007", "SEV2");
        drafted(notice, "email");
        complete(task(notice), withVariables("noticeDecision", "send"));
        completeTopic("notice.email", Map.of("noticeSent", 2));

        assertThat(notice).isEnded();
        var call = taskQuery().processInstanceBusinessKey("INC-2026-0007").taskDefinitionKey("CallCustomer").singleResult();
        assertThat(call).isNotNull();
        assertThat(call).hasCandidateGroup("support-agents").hasName("Call Rotterdam Flowers about INC-2026-0007: Mail delayed");
        complete(call, withVariables("callOutcome", "reached"));
        assertThat(taskQuery().processInstanceBusinessKey("INC-2026-0007").count()).isZero();
    }
}
