package org.blackstart.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After Resolve the incident is watched for a period by severity: it closes when the period ends quietly or when a
 * commander closes it early, and goes back to mitigation, with customers told and the update reminders running again,
 * when its alerts fire again or a commander reopens it.
 */
@Deployment(resources = {"bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn", "bpmn/customer-call.bpmn"})
class MonitoringProcessTest {

    private static final Instant NIGHT = Instant.parse("2026-12-07T23:45:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    @BeforeEach
    void fakes() {
        FakeNoticeServices.register();
        FakeVendorServices.register();
        TimelineRecordingParseListener.LINES.clear();
        ClockUtil.setCurrentTime(Date.from(NIGHT));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aQuietMonitoringPeriodClosesTheIncident() {
        // given a SEV2 resolved at 01:00, its resolved notice out
        ProcessInstance incident = resolvedAndToldAt("INC-2026-0101", "SEV2", NIGHT.plus(Duration.ofMinutes(75)));

        // then it is watched for SEV2's 12 hours: nothing closes it before
        assertThat(incident).isWaitingAt("QuietOrClosedEarly");
        Job over = job("MonitoringPeriodOver", incident);
        org.assertj.core.api.Assertions.assertThat(over.getDuedate())
                .isEqualTo(Date.from(NIGHT.plus(Duration.ofMinutes(75)).plus(Duration.ofHours(12))));
        moveClockTo(NIGHT.plus(Duration.ofMinutes(75)).plus(Duration.ofHours(11)));
        org.assertj.core.api.Assertions.assertThat(dueJobs(incident)).isEmpty();

        // when the period ends without an alert or a commander
        moveClockTo(NIGHT.plus(Duration.ofMinutes(76)).plus(Duration.ofHours(12)));
        org.assertj.core.api.Assertions.assertThat(dueJobs(incident)).extracting(Job::getId).containsExactly(over.getId());
        execute(over);

        // then the incident closes quietly
        assertThat(incident).isEnded().hasPassed("MonitoringPeriodOver", "MonitoringEnded", "IncidentClosed")
                .hasNotPassed("CloseRequested", "Reopened");
    }

    @Test
    void aRecurrenceDuringMonitoringReopensTheIncidentTellsCustomersAndTheRemindersResume() {
        // given a SEV2 resolved whose update reminders stopped
        ProcessInstance incident = declareAndTriage("INC-2026-0102", "SEV2");
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "Power back on rack 7", "mitigationNotice", "none"));
        complete(task("Resolve", incident), withVariables("resolutionSummary", "Feed B repaired", "rootCause", "feed"));
        execute(job("NextUpdateDue", incident));
        assertThat(incident).hasPassed("UpdatesFinished");
        noticeSent(noticeFor(incident, "resolved"), "resolved", "resolved");
        assertThat(incident).isWaitingAt("QuietOrClosedEarly");

        // when the alerts of its group fire again
        reopen("INC-2026-0102", "3 alerts fired again in dc1/rack-7", "alerts");

        // then it is back at Mitigate, and customers are told it is reopened
        assertThat(incident).isWaitingAt("Mitigate", "ReopenedNotice").hasPassed("Reopened")
                .isNotWaitingAt("QuietOrClosedEarly");
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES)
                .contains("INC-2026-0102 REOPENED Reopened by alerts: 3 alerts fired again in dc1/rack-7");
        ProcessInstance reopened = noticeFor(incident, "reopened-1");
        assertThat(reopened).variables().containsEntry("noticePhase", "reopened");
        noticeSent(reopened, "reopened-1", "reopened");

        // and the update reminders run again
        assertThat(incident).isWaitingAt("Mitigate", "NextUpdateDue");
        org.assertj.core.api.Assertions.assertThat(timesStarted(incident, "KeepCustomersUpdated")).isEqualTo(2);
        execute(job("NextUpdateDue", incident));
        assertThat(incident).isWaitingAt("Mitigate", "PostUpdate");

        // and the next Resolve is watched again, with a resolved notice of its own
        complete(task("PostUpdate", incident), withVariables("updateDecision", "skip", "updateSkipReason", "nothing new"));
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "Rack 7 on generator", "mitigationNotice", "none"));
        complete(task("Resolve", incident), withVariables("resolutionSummary", "Feed B replaced", "rootCause", "feed"));
        noticeSent(noticeFor(incident, "resolved-after-reopen-1"), "resolved-after-reopen-1", "resolved");
        assertThat(incident).isWaitingAt("QuietOrClosedEarly");
    }

    @Test
    void reopeningWhileAnUpdateIsStillDueKeepsOneReminderLoop() {
        // given a resolved incident whose next update timer has not fired yet
        ProcessInstance incident = resolvedAndToldAt("INC-2026-0103", "SEV2", NIGHT.plus(Duration.ofMinutes(20)));
        assertThat(incident).isWaitingAt("NextUpdateDue", "QuietOrClosedEarly");

        // when a commander reopens it and the reopened notice goes out
        reopen("INC-2026-0103", "Customers still see bounces", "commander");
        noticeSent(noticeFor(incident, "reopened-1"), "reopened-1", "reopened");

        // then the running loop goes on, no second one starts, and the agent is asked as the incident is open again
        assertThat(incident).hasPassed("RemindersRunning");
        org.assertj.core.api.Assertions.assertThat(timesStarted(incident, "KeepCustomersUpdated")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery()
                .processInstanceId(incident.getId()).activityId("NextUpdateDue").count()).isEqualTo(1);
        execute(job("NextUpdateDue", incident));
        assertThat(incident).isWaitingAt("Mitigate", "PostUpdate");
    }

    @Test
    void aCommanderClosesItEarly() {
        // given a SEV1 in monitoring
        ProcessInstance incident = resolvedAndToldAt("INC-2026-0104", "SEV1", NIGHT.plus(Duration.ofHours(1)));

        // when the commander closes it now
        runtimeService().createMessageCorrelation("IncidentCloseRequested").processInstanceBusinessKey("INC-2026-0104")
                .setVariable("closeReason", "Vendor confirmed the feed is replaced").setVariable("closedBy", "commander")
                .correlate();

        // then it is closed at once, before its 24 hours are over
        assertThat(incident).isEnded().hasPassed("CloseRequested", "IncidentClosed").hasNotPassed("MonitoringPeriodOver");
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES)
                .contains("INC-2026-0104 STATUS_CHANGED Closed early by commander: Vendor confirmed the feed is replaced");
    }

    @Test
    void reopeningWithdrawsAResolvedNoticeStillInReview() {
        // given a resolved notice the agent has not reviewed yet
        ProcessInstance incident = declareAndTriage("INC-2026-0105", "SEV2");
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "done", "mitigationNotice", "none"));
        complete(task("Resolve", incident), withVariables("resolutionSummary", "done", "rootCause", "disk"));
        ProcessInstance resolved = noticeFor(incident, "resolved");
        complete(externalTask(resolved), withVariables("notice_en_subject", "s", "notice_en_text", "t"));

        // when the incident is reopened
        reopen("INC-2026-0105", "It failed again", "commander");

        // then "resolved" never reaches anyone; "reopened" is drafted
        assertThat(resolved).isEnded().hasNotPassed("PublishOnChannel");
        assertThat(incident).isWaitingAt("Mitigate", "ReopenedNotice");
    }

    @Test
    void closingEarlyWaitsUntilCustomersHeardItIsResolved() {
        // given a resolved notice still being drafted
        ProcessInstance incident = declareAndTriage("INC-2026-0106", "SEV2");
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "done", "mitigationNotice", "none"));
        complete(task("Resolve", incident), withVariables("resolutionSummary", "done", "rootCause", "disk"));

        // when / then a close request finds nothing to close yet
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService()
                        .createMessageCorrelation("IncidentCloseRequested").processInstanceBusinessKey("INC-2026-0106")
                        .setVariable("closeReason", "").setVariable("closedBy", "commander").correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(incident).isWaitingAt("ResolvedNotice");
    }

    private ProcessInstance declareAndTriage(String key, String severity) {
        ProcessInstance incident = runtimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Mail delivery delayed", "summary", "Queues are growing on mx1-mx4"));
        complete(task(incident), withVariables("severity", severity, "affectedServices", "mail",
                "customerImpact", "Incoming mail arrives up to an hour late."));
        noticeSent(calledProcessInstance("customer-notice", incident), "initial", "investigating");
        return incident;
    }

    private ProcessInstance resolvedAndToldAt(String key, String severity, Instant resolvedAt) {
        ProcessInstance incident = declareAndTriage(key, severity);
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "done", "mitigationNotice", "none"));
        moveClockTo(resolvedAt);
        complete(task("Resolve", incident), withVariables("resolutionSummary", "done", "rootCause", "disk"));
        noticeSent(noticeFor(incident, "resolved"), "resolved", "resolved");
        return incident;
    }

    private static void reopen(String key, String reason, String by) {
        runtimeService().createMessageCorrelation("IncidentReopened").processInstanceBusinessKey(key)
                .setVariable("reopenReason", reason).setVariable("reopenedBy", by).correlate();
    }

    private static long timesStarted(ProcessInstance incident, String activity) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(incident.getId())
                .activityId(activity).count();
    }

    private static void moveClockTo(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
    }

    private static List<Job> dueJobs(ProcessInstance incident) {
        return managementService().createJobQuery().processInstanceId(incident.getId()).activityId("MonitoringPeriodOver")
                .executable().list();
    }

    private static ProcessInstance noticeSent(ProcessInstance notice, String expectedStep, String expectedPhase) {
        assertThat(notice).isWaitingAt("DraftNotice");
        assertThat(notice).variables().containsEntry("noticeStep", expectedStep).containsEntry("noticePhase", expectedPhase);
        complete(externalTask(notice), withVariables("notice_en_subject", "Mail delivery delayed",
                "notice_en_text", "Incoming mail arrives late.", "noticeCan_email", true, "send_email", true));
        complete(task(notice), withVariables("noticeDecision", "send"));
        if ("SEV1".equals(runtimeService().getVariable(notice.getId(), "severity"))) {
            complete(task(notice), withVariables("noticeApproval", "approve"));
        }
        complete(externalTask(notice), withVariables("noticeSent", 1));
        assertThat(notice).isEnded().hasPassed("NoticeSent");
        return notice;
    }

    private static ProcessInstance noticeFor(ProcessInstance incident, String step) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(incident.getId())
                .processDefinitionKey("customer-notice").active().list().stream()
                .filter(p -> step.equals(runtimeService().getVariable(p.getId(), "noticeStep")))
                .findFirst().orElseThrow(() -> new AssertionError("no customer notice for step " + step));
    }
}
