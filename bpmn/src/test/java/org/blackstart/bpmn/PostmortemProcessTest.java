package org.blackstart.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/postmortem.bpmn", "bpmn/customer-notice.bpmn", "bpmn/customer-call.bpmn"})
class PostmortemProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private FakePostmortemServices postmortems;
    private FakeNoticeServices notices;

    @BeforeEach
    void fakes() {
        notices = FakeNoticeServices.register();
        postmortems = FakePostmortemServices.register();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start(String key, String severity) {
        return runtimeService().startProcessInstanceByKey("postmortem", key, Map.of("title", "Datacenter power lost",
                "severity", severity, "affectedServices", "mail", "incidentKey", key));
    }

    private static Map<String, Object> written(String reviewer, String meetingAt) {
        Map<String, Object> sections = new HashMap<>(Map.of("summary", "Power failed in the datacenter.",
                "trigger", "The utility feed failed and the generator did not start.",
                "contributingFactors", "The transfer switch had not been tested under load.",
                "customerSummary", "A power failure stopped our mail servers for nine hours.",
                "customerChanges", "We test the generator under load every month.", "reviewer", reviewer));
        if (meetingAt != null) {
            sections.put("meetingAt", meetingAt);
        }
        return sections;
    }

    @Test
    void aPostmortemIsWrittenReviewedWithChangesRewrittenApprovedToldToCustomersAndPublished() {
        // given a postmortem started for a closed SEV2 incident
        ProcessInstance postmortem = start("INC-2026-0101", "SEV2");
        assertThat(postmortem).isWaitingAt("WritePostmortem", "HoldReviewMeeting");
        assertThat(task("WritePostmortem", postmortem)).hasCandidateGroup("incident-commanders")
                .hasName("Write the postmortem for INC-2026-0101: Datacenter power lost");

        // when the author writes it with a reviewer and a meeting time
        complete(task("WritePostmortem", postmortem), written("commander-2", "2026-12-10T10:00Z"));

        // then the reviewer has it, and the participants are invited through team.mail
        assertThat(postmortem).isWaitingAt("ReviewPostmortem", "SendInvitation", "HoldReviewMeeting");
        assertThat(task("ReviewPostmortem", postmortem)).isAssignedTo("commander-2");
        ExternalTask invitation = externalTask("SendInvitation", postmortem);
        assertThat(invitation).hasTopicName("team.mail");
        org.assertj.core.api.Assertions.assertThat(runtimeService().getVariables(invitation.getExecutionId()))
                .containsEntry("teamMailTo", "commander,commander-2")
                .containsEntry("teamMailSubject", "Postmortem review INC-2026-0101")
                .containsKey("teamMailCalendar");
        complete(invitation);
        assertThat(postmortem).hasPassed("CheckWritten", "InvitationSent");

        // when the reviewer asks for changes
        complete(task("ReviewPostmortem", postmortem), withVariables("postmortemVerdict", "changes",
                "reviewComments", "Say why the generator did not start."));

        // then it goes back to the author, with the comments, and no verdict chosen in advance for the next round
        assertThat(postmortem).isWaitingAt("WritePostmortem", "HoldReviewMeeting");
        assertThat(postmortem).variables().containsEntry("reviewComments", "Say why the generator did not start.")
                .doesNotContainKey("postmortemVerdict");

        // when the author rewrites it (same meeting time) and the reviewer approves
        complete(task("WritePostmortem", postmortem), written("commander-2", "2026-12-10T10:00Z"));
        assertThat(postmortem).as("the meeting time did not change: no second invitation").isWaitingAt("ReviewPostmortem", "HoldReviewMeeting");
        complete(task("ReviewPostmortem", postmortem), withVariables("postmortemVerdict", "approve", "reviewComments", "Clear."));

        // then the customer report goes through the notice machinery, with the commander's approval even for SEV2
        assertThat(postmortem).isWaitingAt("CustomerReport", "HoldReviewMeeting");
        ProcessInstance report = calledProcessInstance("customer-notice", postmortem);
        assertThat(report).isWaitingAt("DraftNotice");
        assertThat(report).variables().containsEntry("noticeStep", "postmortem").containsEntry("noticePhase", "postmortem")
                .containsEntry("customerSummary", "A power failure stopped our mail servers for nine hours.")
                .containsEntry("customerChanges", "We test the generator under load every month.");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(report.getId())
                .singleResult().getBusinessKey()).isEqualTo("INC-2026-0101");
        complete(externalTask(report), withVariables("notice_en_subject", "Incident report", "notice_en_text", "Our report",
                "noticeCan_email", true, "send_email", true));
        complete(task(report), withVariables("noticeDecision", "send"));
        assertThat(report).isWaitingAt("ApproveNotice");
        assertThat(task(report)).hasCandidateGroup("incident-commanders");
        complete(task(report), withVariables("noticeApproval", "approve"));
        complete(externalTask(report), withVariables("noticeSent", 3));
        assertThat(report).isEnded().hasPassed("NoticeSent");

        // and the postmortem is published; the process waits only for the meeting
        assertThat(postmortem).hasPassed("Publish", "PostmortemPublished").isWaitingAt("HoldReviewMeeting");
        org.assertj.core.api.Assertions.assertThat(postmortems.lines).containsExactly("draft built", "in-review by commander-2",
                "changes: Say why the generator did not start.", "draft built", "in-review by commander-2", "approve: Clear.",
                "published");
        complete(task("HoldReviewMeeting", postmortem));
        assertThat(postmortem).isEnded();
    }

    @Test
    void theAuthorCannotReviewTheirOwnPostmortem() {
        // given
        ProcessInstance postmortem = start("INC-2026-0102", "SEV1");
        Task write = task("WritePostmortem", postmortem);

        // when the author names themself as the reviewer
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService().complete(write.getId(),
                        written("commander", null)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reviewer other than yourself");

        // then nothing moved
        assertThat(postmortem).isWaitingAt("WritePostmortem", "HoldReviewMeeting");
        assertThat(postmortem).variables().doesNotContainKey("postmortemReviewer");
    }

    @Test
    void aReviewWithoutAVerdictIsRefusedAndTheTaskStays() {
        // given
        ProcessInstance postmortem = start("INC-2026-0103", "SEV2");
        complete(task("WritePostmortem", postmortem), written("commander-2", null));
        Task review = task("ReviewPostmortem", postmortem);

        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService().complete(review.getId(), Map.of("reviewComments", "ok")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Choose a verdict");
        assertThat(postmortem).isWaitingAt("ReviewPostmortem");
    }

    @Test
    void theReviewMeetingIsDueWithinThreeDaysForSev1AndLaterForSev2() {
        // given the engine's clock on a Thursday morning
        Instant thursday = Instant.parse("2026-12-10T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(thursday));

        // when postmortems start for a SEV1 and a SEV2 incident
        ProcessInstance sev1 = start("INC-2026-0104", "SEV1");
        ProcessInstance sev2 = start("INC-2026-0105", "SEV2");

        // then each meeting task is due as the platform scheduled it for the severity
        org.assertj.core.api.Assertions.assertThat(task("HoldReviewMeeting", sev1).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-13T09:00:00Z"));
        org.assertj.core.api.Assertions.assertThat(task("HoldReviewMeeting", sev2).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-17T09:00:00Z"));
        org.assertj.core.api.Assertions.assertThat(task("WritePostmortem", sev2).getDueDate().toInstant())
                .as("written before the meeting").isEqualTo(Instant.parse("2026-12-17T09:00:00Z"));
        assertThat(task("HoldReviewMeeting", sev1)).hasCandidateGroup("incident-commanders")
                .hasName("Hold the postmortem review meeting for INC-2026-0104: Datacenter power lost");
    }
}
