package org.blackstart.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn"})
class MajorIncidentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private ProcessInstance declare(String key) {
        return runtimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Mail delivery delayed", "summary", "Queues are growing on mx1-mx4"));
    }

    private void triage(ProcessInstance incident) {
        assertThat(incident).isWaitingAt("Triage");
        assertThat(task(incident)).hasCandidateGroup("incident-commanders");
        complete(task(incident), withVariables("severity", "SEV2", "affectedServices", "mail",
                "customerImpact", "Incoming mail arrives up to an hour late."));
    }

    /** Drafts, approves and sends the notice of the called customer-notice process. */
    private ProcessInstance noticeSent(ProcessInstance incident, String expectedStep) {
        ProcessInstance notice = calledProcessInstance("customer-notice", incident);
        assertThat(notice).hasBusinessKey(incident.getBusinessKey()).isWaitingAt("DraftNotice");
        assertThat(notice).variables().containsEntry("noticeStep", expectedStep).containsEntry("title", "Mail delivery delayed");
        assertThat(externalTask(notice)).hasTopicName("notice.draft");
        complete(externalTask(notice), withVariables("notice_en_subject", "[SEV2] Mail delivery delayed",
                "notice_en_text", "Incoming mail arrives late."));

        assertThat(notice).isWaitingAt("ReviewNotice");
        assertThat(task(notice)).hasCandidateGroup("support-agents");
        complete(task(notice), withVariables("noticeDecision", "send"));

        assertThat(notice).isWaitingAt("SendNoticeEmail");
        assertThat(externalTask(notice)).hasTopicName("notice.email");
        complete(externalTask(notice), withVariables("emailRecipients", 1));
        assertThat(notice).isEnded().hasPassed("NoticeSent");
        return notice;
    }

    @Test
    void aDeclaredIncidentIsTriagedNotifiedMitigatedResolvedAndNotifiedAgain() {
        ProcessInstance incident = declare("INC-2026-0001");

        triage(incident);
        noticeSent(incident, "initial");

        assertThat(incident).isWaitingAt("Mitigate");
        assertThat(task(incident)).hasCandidateGroup("incident-commanders");
        complete(task(incident), withVariables("mitigationSummary", "Rerouted mail through mx5"));

        assertThat(incident).isWaitingAt("Resolve");
        complete(task(incident), withVariables("resolutionSummary", "Replaced the failed disk", "rootCause", "disk"));

        assertThat(incident).isWaitingAt("ResolvedNotice");
        noticeSent(incident, "resolved");

        assertThat(incident).isEnded().hasPassedInOrder("Triage", "InitialNotice", "Mitigate", "Resolve",
                "ResolvedNotice", "IncidentClosed");
    }

    @Test
    void anAgentCanWithholdANoticeAndTheIncidentGoesOn() {
        ProcessInstance incident = declare("INC-2026-0002");
        triage(incident);
        ProcessInstance notice = calledProcessInstance("customer-notice", incident);
        complete(externalTask(notice), withVariables("notice_en_subject", "s", "notice_en_text", "t"));

        complete(task(notice), withVariables("noticeDecision", "withhold"));

        assertThat(notice).isEnded().hasPassed("NoticeWithheld").hasNotPassed("SendNoticeEmail");
        assertThat(incident).isWaitingAt("Mitigate");
    }

    @Test
    void aRefusedNoticeGoesBackToTheAgentWithTheReason() {
        ProcessInstance incident = declare("INC-2026-0003");
        triage(incident);
        ProcessInstance notice = calledProcessInstance("customer-notice", incident);
        complete(externalTask(notice), withVariables("notice_en_subject", "s", "notice_en_text", "t"));
        complete(task(notice), withVariables("noticeDecision", "send"));

        // when the e-mail channel reports a business failure (the bridge turns it into a BPMN error)
        var locked = engine.getExternalTaskService().fetchAndLock(1, "test").topic("notice.email", 10_000).execute();
        engine.getExternalTaskService().handleBpmnError(locked.get(0).getId(), "test", "INVALID_RECIPIENTS",
                "'x' is not an e-mail address");

        // then
        assertThat(notice).isWaitingAt("ReviewNotice");
        assertThat(notice).variables().containsEntry("noticeErrorCode", "INVALID_RECIPIENTS")
                .containsEntry("noticeErrorMessage", "'x' is not an e-mail address");
        assertThat(incident).isWaitingAt("InitialNotice");
    }

    @Test
    void theIncidentIsFlaggedForThePlatformToOpenAndTrack() {
        var model = engine.getRepositoryService().getBpmnModelInstance(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("major-incident")
                        .singleResult().getId());

        var properties = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty.class);

        org.assertj.core.api.Assertions.assertThat(properties)
                .extracting(p -> p.getCamundaName() + "=" + p.getCamundaValue())
                .contains("blackstart.incident=true", "blackstart.status=triaged", "blackstart.status=mitigated",
                        "blackstart.status=resolved", "blackstart.status=closed");
    }
}
