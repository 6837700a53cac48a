package org.blackstart.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn", "bpmn/customer-call.bpmn"})
class MajorIncidentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private FakeVendorServices vendors;

    @BeforeEach
    void fakes() {
        FakeNoticeServices.register();
        vendors = FakeVendorServices.register();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance declare(String key) {
        return runtimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Mail delivery delayed", "summary", "Queues are growing on mx1-mx4"));
    }

    private void triage(ProcessInstance incident, String severity) {
        assertThat(incident).isWaitingAt("Triage");
        assertThat(task(incident)).hasCandidateGroup("incident-commanders");
        complete(task(incident), withVariables("severity", severity, "affectedServices", "mail",
                "customerImpact", "Incoming mail arrives up to an hour late."));
    }

    /** Drafts and sends the notice of the called customer-notice process by e-mail, approving it for SEV1. */
    private ProcessInstance noticeSent(ProcessInstance notice, String expectedStep, String expectedPhase) {
        assertThat(notice).isWaitingAt("DraftNotice");
        assertThat(notice).variables().containsEntry("noticeStep", expectedStep).containsEntry("noticePhase", expectedPhase)
                .containsEntry("title", "Mail delivery delayed");
        complete(externalTask(notice), withVariables("notice_en_subject", "Mail delivery delayed",
                "notice_en_text", "Incoming mail arrives late.", "noticeCan_email", true, "send_email", true));
        complete(task(notice), withVariables("noticeDecision", "send"));
        if ("SEV1".equals(runtimeService().getVariable(notice.getId(), "severity"))) {
            complete(task(notice), withVariables("noticeApproval", "approve"));
        }
        assertThat(externalTask(notice)).hasTopicName("notice.email");
        complete(externalTask(notice), withVariables("noticeSent", 1));
        assertThat(notice).isEnded().hasPassed("NoticeSent");
        return notice;
    }

    private ProcessInstance noticeOf(ProcessInstance incident, String activity) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(incident.getId())
                .processDefinitionKey("customer-notice").active().list().stream()
                .filter(p -> runtimeService().getActiveActivityIds(incident.getId()).contains(activity))
                .findFirst().orElseThrow(() -> new AssertionError("no customer notice called by " + activity));
    }

    @Test
    void customersHearFromUsWhileTheCommanderWorksTheIncident() {
        ProcessInstance incident = declare("INC-2026-0001");
        triage(incident, "SEV2");

        assertThat(incident).as("mitigation does not wait for the notice").isWaitingAt("InitialNotice", "Mitigate");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");
        assertThat(incident).isWaitingAt("NextUpdateDue", "Mitigate");

        complete(task("Mitigate", incident), withVariables("mitigationSummary", "Rerouted mail through mx5"));
        complete(task("Resolve", incident), withVariables("resolutionSummary", "Replaced the failed disk", "rootCause", "disk"));

        assertThat(incident).isWaitingAt("ResolvedNotice");
        noticeSent(noticeOf(incident, "ResolvedNotice"), "resolved", "resolved");
        assertThat(incident).as("resolved is watched before it is over").isWaitingAt("QuietOrClosedEarly");
        execute(job("MonitoringPeriodOver", incident));

        assertThat(incident).isEnded().hasPassed("Triage", "InitialNotice", "Mitigate", "Resolve", "ResolvedNotice",
                "MonitoringPeriodOver", "IncidentClosed");
        org.assertj.core.api.Assertions.assertThat(vendors.lines).as("vendor escalations hear the incident closed")
                .containsExactly("incident closed INC-2026-0001");
    }

    @Test
    void aSev1UpdateIsDueThirtyMinutesAfterTheLastNoticeAndTheCommanderHearsWhenItIsOverdue() {
        ProcessInstance incident = declare("INC-2026-0002");
        triage(incident, "SEV1");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");

        Job due = job("NextUpdateDue", incident);
        org.assertj.core.api.Assertions.assertThat(due.getDuedate()).isCloseTo(new Date(System.currentTimeMillis() + Duration.ofMinutes(30).toMillis()), 60_000);
        execute(due);

        assertThat(incident).isWaitingAt("PostUpdate", "Mitigate");
        assertThat(task("PostUpdate", incident)).hasCandidateGroup("support-agents")
                .hasName("Customer update due for INC-2026-0002: Mail delivery delayed");

        execute(job("UpdateLate", incident));
        assertThat(incident).isWaitingAt("PostUpdate", "UpdateOverdue", "Mitigate");
        assertThat(task("UpdateOverdue", incident)).hasCandidateGroup("incident-commanders");

        complete(task("PostUpdate", incident), withVariables("updateDecision", "update", "updatePhase", "identified",
                "customerImpact", "A failed disk in the mail cluster; replacing it."));

        assertThat(incident).as("the agent acted: the commander's overdue task goes away").isWaitingAt("UpdateNotice", "Mitigate")
                .isNotWaitingAt("UpdateOverdue");
        noticeSent(noticeOf(incident, "UpdateNotice"), "update-2", "identified");

        assertThat(incident).isWaitingAt("NextUpdateDue", "Mitigate");
        execute(job("NextUpdateDue", incident));
        complete(task("PostUpdate", incident), withVariables("updateDecision", "update", "updatePhase", "monitoring"));
        noticeSent(noticeOf(incident, "UpdateNotice"), "update-3", "monitoring");
    }

    @Test
    void anAgentMaySkipAnUpdateWhenThereIsNothingNewAndTheNextOneIsDueAgain() {
        ProcessInstance incident = declare("INC-2026-0003");
        triage(incident, "SEV2");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");
        execute(job("NextUpdateDue", incident));

        complete(task("PostUpdate", incident), withVariables("updateDecision", "skip", "updateSkipReason", "vendor still testing"));

        assertThat(incident).isWaitingAt("NextUpdateDue", "Mitigate").hasNotPassed("UpdateNotice");
    }

    @Test
    void noUpdateIsAskedForOnceTheIncidentIsResolved() {
        ProcessInstance incident = declare("INC-2026-0004");
        triage(incident, "SEV2");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "done"));
        complete(task("Resolve", incident), withVariables("resolutionSummary", "done", "rootCause", "disk"));

        execute(job("NextUpdateDue", incident));

        assertThat(incident).isWaitingAt("ResolvedNotice").hasPassed("UpdatesFinished").isNotWaitingAt("PostUpdate");
    }

    @Test
    void anUpdateSayingTheIncidentIsResolvedDoesNotStopTheRemindersWhileItIsOpen() {
        // given an open incident whose agent skips an update and also sends incidentResolved=true
        ProcessInstance incident = declare("INC-2026-0008");
        triage(incident, "SEV2");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");
        execute(job("NextUpdateDue", incident));
        complete(task("PostUpdate", incident), withVariables("updateDecision", "skip", "incidentResolved", true));

        // when the next update is due
        execute(job("NextUpdateDue", incident));

        // then the incident's state decides: it is not resolved, so the agent is asked again
        assertThat(incident).isWaitingAt("PostUpdate", "Mitigate").hasNotPassed("UpdatesFinished");
    }

    @Test
    void closingTheIncidentEndsOpenUpdateReminders() {
        ProcessInstance incident = declare("INC-2026-0005");
        triage(incident, "SEV2");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");
        execute(job("NextUpdateDue", incident));
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "done"));
        complete(task("Resolve", incident), withVariables("resolutionSummary", "done", "rootCause", "disk"));

        noticeSent(noticeOf(incident, "ResolvedNotice"), "resolved", "resolved");
        execute(job("MonitoringPeriodOver", incident));

        assertThat(incident).isEnded().hasPassed("IncidentClosed");
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey("INC-2026-0005").list()).isEmpty();
    }

    /** The customer-notice instance the incident called for {@code step}. */
    private ProcessInstance noticeFor(ProcessInstance incident, String step) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(incident.getId())
                .processDefinitionKey("customer-notice").active().list().stream()
                .filter(p -> step.equals(runtimeService().getVariable(p.getId(), "noticeStep")))
                .findFirst().orElseThrow(() -> new AssertionError("no customer notice for step " + step));
    }

    @Test
    void aMonitoringUpdateGoesOutBesideResolveWithoutTheEndedImpact() {
        // given a triaged incident whose first notice is out
        ProcessInstance incident = declare("INC-2026-0011");
        triage(incident, "SEV2");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");

        // when the commander mitigates and asks for a monitoring update
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "Rerouted mail through mx5",
                "mitigationNotice", "monitoring"));

        // then the update is drafted while the commander can already resolve
        assertThat(incident).isWaitingAt("NextUpdateDue", "MonitoringNotice", "Resolve");
        ProcessInstance monitoring = noticeFor(incident, "monitoring");
        assertThat(monitoring).variables().containsEntry("customerImpact", "");
        complete(task("Resolve", incident), withVariables("resolutionSummary", "Replaced the failed disk", "rootCause", "disk"));
        assertThat(incident).isWaitingAt("MonitoringNotice", "ResolvedNotice");
        noticeSent(monitoring, "monitoring", "monitoring");
        ProcessInstance resolved = noticeFor(incident, "resolved");
        assertThat(resolved).variables().as("the resolved notice cannot repeat the ended impact")
                .containsEntry("customerImpact", "").containsEntry("resolutionSummary", "Replaced the failed disk");
        noticeSent(resolved, "resolved", "resolved");
        execute(job("MonitoringPeriodOver", incident));
        assertThat(incident).isEnded().hasPassed("MonitoringNotice", "MonitoringNoticeDone", "ResolvedNotice", "IncidentClosed");
    }

    @Test
    void closingTheIncidentStopsAMonitoringUpdateStillInReview() {
        // given a monitoring update the agent has not reviewed yet
        ProcessInstance incident = declare("INC-2026-0012");
        triage(incident, "SEV2");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "done", "mitigationNotice", "monitoring"));
        ProcessInstance monitoring = noticeFor(incident, "monitoring");
        complete(externalTask(monitoring), withVariables("notice_en_subject", "s", "notice_en_text", "t"));
        assertThat(monitoring).isWaitingAt("ReviewNotice");

        // when the incident is resolved and the resolved notice goes out
        complete(task("Resolve", incident), withVariables("resolutionSummary", "done", "rootCause", "disk"));
        noticeSent(noticeFor(incident, "resolved"), "resolved", "resolved");
        execute(job("MonitoringPeriodOver", incident));

        // then the stale "we are monitoring" never reaches anyone
        assertThat(incident).isEnded().hasPassed("IncidentClosed").hasNotPassed("MonitoringNoticeDone");
        assertThat(monitoring).isEnded().hasNotPassed("PublishOnChannel");
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey("INC-2026-0012").list()).isEmpty();
    }

    @Test
    void withoutAMonitoringUpdateOnlyResolveFollowsMitigate() {
        // given a triaged incident
        ProcessInstance incident = declare("INC-2026-0013");
        triage(incident, "SEV2");
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");

        // when the commander mitigates and says no update
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "done", "mitigationNotice", "none"));

        // then nothing is drafted for customers
        assertThat(incident).isWaitingAt("NextUpdateDue", "Resolve").hasNotPassed("MonitoringNotice");
    }

    @Test
    void anAgentCanWithholdANoticeAndTheIncidentGoesOn() {
        ProcessInstance incident = declare("INC-2026-0006");
        triage(incident, "SEV2");
        ProcessInstance notice = calledProcessInstance("customer-notice", incident);
        complete(externalTask(notice), withVariables("notice_en_subject", "s", "notice_en_text", "t"));

        complete(task(notice), withVariables("noticeDecision", "withhold"));

        assertThat(notice).isEnded().hasPassed("NoticeWithheld").hasNotPassed("PublishOnChannel");
        assertThat(incident).isWaitingAt("NextUpdateDue", "Mitigate");
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
                        "blackstart.status=monitoring", "blackstart.status=reopened", "blackstart.status=closed");
    }
}
