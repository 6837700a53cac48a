package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail is back: an agent approves or holds the catch-up, and a send that meets mail down again waits and resumes. */
@Deployment(resources = "bpmn/notice-catchup.bpmn")
class NoticeCatchUpProcessTest {

    private static final String INCIDENT = "INC-2026-0815";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private final FakeCatchUps catchUps = new FakeCatchUps();

    @BeforeEach
    void fakes() {
        Mocks.register("noticeCatchUps", catchUps);
        TimelineRecordingParseListener.LINES.clear();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theAgentsTaskNamesTheIncidentAndHowManyMissedTheNoticeAndIsDueAsANoticeApproval() {
        // when
        ProcessInstance catchUp = started();

        // then
        assertThat(catchUp).isWaitingAt("ApproveCatchUp");
        assertThat(task(catchUp)).hasCandidateGroup("support-agents")
                .hasName("Mail is back: send " + INCIDENT + "'s latest notice to 37 customers who missed it");
        UserTask approve = engine.getRepositoryService().getBpmnModelInstance(catchUp.getProcessDefinitionId())
                .getModelElementById("ApproveCatchUp");
        List<String> due = approve.getExtensionElements().getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
                .getCamundaProperties().stream().filter(p -> "blackstart.due".equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).toList();
        org.assertj.core.api.Assertions.assertThat(due).containsExactly("notice-approval");
    }

    @Test
    void approvedTheLatestNoticeGoesOutByEmailOnceAndTheTimelineSaysSo() {
        // given
        ProcessInstance catchUp = started();

        // when
        complete(task(catchUp), withVariables("catchUpDecision", "approve"));

        // then
        assertThat(catchUp).isWaitingAt("SendCatchUp");
        org.assertj.core.api.Assertions.assertThat(catchUps.calls).containsExactly("decided approve", "prepare");
        completeTopic(Map.of("noticeSent", 37));
        assertThat(catchUp).isEnded().hasPassed("CaughtUp").hasNotPassed("CatchUpHeld");
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES).containsExactly(
                INCIDENT + " NOTICES Catch-up approved by agent: 37 customers",
                INCIDENT + " NOTICES Catch-up sent: 37 delivered, 0 failed");
    }

    @Test
    void heldNothingIsSentAndTheReasonIsOnTheTimeline() {
        // given
        ProcessInstance catchUp = started();

        // when
        complete(task(catchUp), withVariables("catchUpDecision", "hold", "catchUpHoldReason", "the notice is wrong"));

        // then
        assertThat(catchUp).isEnded().hasPassed("CatchUpHeld").hasNotPassed("PrepareCatchUp", "SendCatchUp");
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES)
                .containsExactly(INCIDENT + " NOTICES Catch-up held by agent: the notice is wrong");
    }

    @Test
    void aDecisionTheListenerRefusesLeavesTheTaskOpenAndSendsNothing() {
        // given
        ProcessInstance catchUp = started();

        // when
        assertThatThrownBy(() -> complete(task(catchUp), withVariables("catchUpDecision", "send-everything")))
                .hasMessageContaining("Choose a decision");

        // then
        assertThat(catchUp).isWaitingAt("ApproveCatchUp");
        org.assertj.core.api.Assertions.assertThat(catchUps.calls).containsExactly("decided send-everything");
        org.assertj.core.api.Assertions.assertThat(engine.getExternalTaskService().createExternalTaskQuery().count()).isZero();
    }

    @Test
    void whenMailIsDownAgainTheCatchUpWaitsAndThenSendsWhatIsLeft() {
        // given an approved catch-up
        ProcessInstance catchUp = started();
        complete(task(catchUp), withVariables("catchUpDecision", "approve"));

        // when mail is unavailable again
        failTopic("SMTP server mail.example:25 refused the connection");

        // then it waits, and after the wait the same send is asked for again
        assertThat(catchUp).isWaitingAt("WaitForMail");
        execute(job(catchUp));
        assertThat(catchUp).isWaitingAt("SendCatchUp");
        completeTopic(Map.of("noticeSent", 12));
        assertThat(catchUp).isEnded().hasPassed("CaughtUp");
        org.assertj.core.api.Assertions.assertThat(catchUps.calls).containsOnlyOnce("prepare");
    }

    private ProcessInstance started() {
        return runtimeService().startProcessInstanceByKey("notice-catchup", INCIDENT, Map.of("catchUpNotice", "update-2",
                "catchUpCount", 37, "catchUpSubject", "Disruption", "catchUpText", "Mail is delayed.",
                "catchUpSample", "ann@customer.example"));
    }

    private void completeTopic(Map<String, Object> results) {
        List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(1, "test")
                .topic("notice.email", 10_000).execute();
        org.assertj.core.api.Assertions.assertThat(locked).hasSize(1);
        engine.getExternalTaskService().complete(locked.get(0).getId(), "test", results);
    }

    private void failTopic(String message) {
        List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(1, "test")
                .topic("notice.email", 10_000).execute();
        org.assertj.core.api.Assertions.assertThat(locked).hasSize(1);
        engine.getExternalTaskService().handleBpmnError(locked.get(0).getId(), "test", "CHANNEL_UNAVAILABLE", message);
    }

    /** Stands in for the platform's {@code noticeCatchUps}: checks the decision the same way, and keeps its calls. */
    public static class FakeCatchUps {
        final List<String> calls = new CopyOnWriteArrayList<>();

        public void decided(DelegateTask task) {
            Object decision = task.getVariable("catchUpDecision");
            calls.add("decided " + decision);
            if (!"approve".equals(decision) && !"hold".equals(decision)) {
                throw new BadUserRequestException("Choose a decision");
            }
            task.setVariable("catchUpDecidedBy", "agent");
        }

        public String decisionLine(DelegateExecution execution) {
            return "hold".equals(execution.getVariable("catchUpDecision"))
                    ? "Catch-up held by agent: " + execution.getVariable("catchUpHoldReason")
                    : "Catch-up approved by agent: " + execution.getVariable("catchUpCount") + " customers";
        }

        public void prepare(DelegateExecution execution) {
            calls.add("prepare");
            execution.setVariable("noticeStep", "catchup-update-2");
        }

        public String sentLine(DelegateExecution execution) {
            return "Catch-up sent: " + execution.getVariable("noticeSent") + " delivered, 0 failed";
        }

        public String waitingLine(DelegateExecution execution) {
            return "Catch-up waits: " + execution.getVariable("catchUpError");
        }

        public String retryWait() {
            return "PT5M";
        }
    }
}
