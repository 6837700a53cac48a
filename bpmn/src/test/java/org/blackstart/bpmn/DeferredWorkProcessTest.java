package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The review of the work the outage delayed: proposals, approval with changes, calls that decide, one execution each. */
@Deployment(resources = {"bpmn/deferred-work.bpmn", "bpmn/deferred-work.dmn", "bpmn/customer-call.bpmn"})
class DeferredWorkProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private static final String INCIDENT = "INC-2026-0040";

    private FakeDeferredWork work;
    /** What the scheduler was asked to do, job by job, in order. */
    private final Map<String, String> executed = new LinkedHashMap<>();

    @BeforeEach
    void stubs() {
        work = new FakeDeferredWork();
        Mocks.register("deferredWork", work);
        Mocks.register("deferredWorkReview", work.new Review());
        Mocks.register("deferredCallCheck", new FakeDeferredWork.CallCheck());
        TimelineRecordingParseListener.LINES.clear();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("outageFrom", "2026-12-07T22:00:00Z");
        variables.put("outageTo", "2026-12-08T06:00:00Z");
        variables.put("title", "Datacenter power loss");
        ProcessInstance review = runtimeService().startProcessInstanceByKey("deferred-work", INCIDENT, variables);
        ExternalTask list = externalTaskQuery().processInstanceId(review.getId()).singleResult();
        assertThat(list.getTopicName()).isEqualTo("jobs.deferred.list");
        complete(list, withVariables("deferredJobs", new byte[] {1}, "deferredJobCount", work.jobs.size()));
        return review;
    }

    /** Serves jobs.deferred.execute as a scheduler would, until none is left. */
    private void executeAll(ProcessInstance review) {
        List<LockedExternalTask> locked;
        while (!(locked = engine.getExternalTaskService().fetchAndLock(10, "test").topic("jobs.deferred.execute", 60_000)
                .execute()).isEmpty()) {
            for (LockedExternalTask task : locked) {
                String job = (String) task.getVariables().get("jobId");
                String decision = (String) task.getVariables().get("jobDecision");
                assertThat(executed).as("job %s executed once", job).doesNotContainKey(job);
                executed.put(job, decision);
                if ("gone".equals(job)) {
                    engine.getExternalTaskService().handleBpmnError(task.getId(), "test", "DEFERRED_JOB_REFUSED", "404 no such job");
                } else {
                    engine.getExternalTaskService().complete(task.getId(), "test",
                            Map.of("jobOutcome", "run".equals(decision) ? "run" : "cancelled", "jobReference", "ref-" + job));
                }
            }
        }
    }

    private List<String> timeline() {
        List<String> lines = new ArrayList<>();
        TimelineRecordingParseListener.LINES.forEach(line -> lines.add(line.substring(INCIDENT.length() + 1)));
        return lines;
    }

    @Test
    void approvedAsProposedEachJobRunsOrIsCancelledOnce() {
        // given
        work.job("m1", "static", 2, "rotterdam-flowers").job("m2", "static", 30, "bakery-utrecht")
                .job("m3", "static", 5, "app-builders");
        ProcessInstance review = start();

        // when
        Task approve = task(review);
        assertThat(approve.getName()).isEqualTo("Review 3 delayed jobs for " + INCIDENT);
        BpmnAwareTests.assertThat(approve).hasCandidateGroup("incident-commanders");
        complete(approve);
        executeAll(review);

        // then
        assertThat(executed).containsExactly(Map.entry("m1", "run"), Map.entry("m2", "cancel"), Map.entry("m3", "run"));
        BpmnAwareTests.assertThat(review).isEnded().hasPassed("AllDecided").hasNotPassed("AskCustomer");
        assertThat(timeline()).containsExactly("DEFERRED_WORK Found 3 delayed jobs",
                "DEFERRED_WORK Proposed: {run=2, cancel=1}", "DEFERRED_WORK Approved: {run=2, cancel=1}",
                "DEFERRED_WORK m1 run", "DEFERRED_WORK m2 cancelled", "DEFERRED_WORK m3 run",
                "DEFERRED_WORK All 3 jobs decided");
    }

    @Test
    void theReviewShowsTheProposalsAndACommandersChangeWins() {
        // given
        work.job("m1", "static", 2, "rotterdam-flowers").job("m2", "time-bound", 1, "app-builders");
        ProcessInstance review = start();
        assertThat((String) runtimeService().getVariable(review.getId(), "deferredReview")).contains("m1 run", "m2 ask");

        // when the commander cancels the static one and runs the time-bound one without asking
        complete(task(review), withVariables("deferredOverrides", "m1=cancel, m2=run"));
        executeAll(review);

        // then
        assertThat(executed).containsExactly(Map.entry("m1", "cancel"), Map.entry("m2", "run"));
        assertThat(taskQuery().taskDefinitionKey("CallAboutDelayedWork").count()).isZero();
    }

    @Test
    void askBecomesACallToTheCustomerWhoseDecisionDecides() {
        // given two time-bound mailings and one static one
        work.job("m1", "time-bound", 1, "rotterdam-flowers").job("m2", "time-bound", 3, "app-builders")
                .job("m3", "static", 3, "bakery-utrecht");
        ProcessInstance review = start();

        // when the commander approves, two calls are waiting, and nothing runs yet
        complete(task(review));
        List<Task> calls = taskQuery().taskDefinitionKey("CallAboutDelayedWork").list();
        assertThat(calls).hasSize(2).allSatisfy(call -> BpmnAwareTests.assertThat(call).hasCandidateGroup("support-agents"));
        assertThat(externalTaskQuery().topicName("jobs.deferred.execute").count()).isZero();
        Task callM1 = calls.stream().filter(t -> t.getName().contains("Mailing m1")).findFirst().orElseThrow();
        Task callM2 = calls.stream().filter(t -> t.getName().contains("Mailing m2")).findFirst().orElseThrow();
        assertThat(callM1.getName()).isEqualTo("Call rotterdam-flowers about delayed Mailing m1 (" + INCIDENT + ")");
        Map<String, Object> callVariables = runtimeService().getVariables(callM1.getProcessInstanceId());
        assertThat(callVariables).containsEntry("callAbout", "deferred-work").containsEntry("jobId", "m1")
                .containsEntry("customerId", "rotterdam-flowers");

        // and the customers decide: one to send, one to cancel
        complete(callM1, withVariables("callOutcome", "reached-in-person", "callDecision", "run"));
        assertThat(externalTaskQuery().topicName("jobs.deferred.execute").count()).isZero();
        complete(callM2, withVariables("callOutcome", "reached", "callDecision", "cancel"));
        executeAll(review);

        // then
        assertThat(executed).containsExactly(Map.entry("m1", "run"), Map.entry("m2", "cancel"), Map.entry("m3", "run"));
        BpmnAwareTests.assertThat(review).isEnded().hasPassed("AskCustomer");
    }

    @Test
    void aCustomerNobodyReachedHasTheirTimeBoundJobCancelled() {
        work.job("m1", "time-bound", 1, "rotterdam-flowers");
        ProcessInstance review = start();
        complete(task(review));

        complete(taskQuery().taskDefinitionKey("CallAboutDelayedWork").singleResult(), withVariables("callOutcome", "no-answer"));
        executeAll(review);

        assertThat(executed).containsExactly(Map.entry("m1", "cancel"));
    }

    @Test
    void aJobTheSchedulerRefusesIsRecordedAndTheOthersStillRun() {
        work.job("gone", "static", 1, "rotterdam-flowers").job("m2", "static", 2, "app-builders");
        ProcessInstance review = start();
        complete(task(review));

        executeAll(review);

        assertThat(executed).containsOnlyKeys("gone", "m2");
        BpmnAwareTests.assertThat(review).isEnded().hasPassed("RefusalRecorded", "AllDecided");
        assertThat(timeline()).contains("DEFERRED_WORK gone refused: 404 no such job", "DEFERRED_WORK m2 run");
    }

    @Test
    void nothingDueEndsTheReviewWithoutATask() {
        ProcessInstance review = start();

        BpmnAwareTests.assertThat(review).isEnded().hasPassed("NothingDelayed");
        assertThat(timeline()).containsExactly("DEFERRED_WORK Found 0 delayed jobs");
    }

    @Test
    void aCallAboutANoticeStillGoesToTheNoticeCall() {
        ProcessInstance call = runtimeService().startProcessInstanceByKey("customer-call", INCIDENT,
                withVariables("customerName", "Rotterdam Flowers", "title", "Mail down", "noticeStep", "initial"));

        BpmnAwareTests.assertThat(call).isWaitingAt("CallCustomer");
    }
}
