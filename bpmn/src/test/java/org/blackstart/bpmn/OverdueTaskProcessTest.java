package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An overdue task gives the commander a task, which ends by itself once the overdue task is done. */
@Deployment(resources = "bpmn/overdue-task.bpmn")
class OverdueTaskProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    /** Stands in for the platform's overdueTasks, which applies the decision to the overdue task. */
    public static class FakeOverdueTasks {
        public void decided(DelegateTask task) {
            task.getExecution().setVariable("overdueOutcomeLine", "decided: " + task.getVariable("overdueAction"));
        }
    }

    @BeforeEach
    void beans() {
        Mocks.register("overdueTasks", new FakeOverdueTasks());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance raise(String key, String taskId) {
        return runtimeService().startProcessInstanceByKey("overdue-task", key, Map.of("incidentKey", key,
                "overdueTaskId", taskId, "overdueTaskName", "Review the initial notice " + key + ": Rack A3 down",
                "overdueDueTime", "03:10 UTC", "overdueMinutesLate", 7L));
    }

    @Test
    void theCommanderIsAskedWhatHappensToTheOverdueTask() {
        // given
        ProcessInstance overdue = raise("INC-2026-0501", "task-1");

        // then
        assertThat(task("HandleOverdue", overdue))
                .hasName("Overdue: Review the initial notice INC-2026-0501: Rack A3 down (due 03:10 UTC, 7 min late)")
                .hasCandidateGroup("incident-commanders");

        // when
        complete(task("HandleOverdue", overdue), withVariables("overdueAction", "take-over"));

        // then
        assertThat(overdue).isEnded().hasPassed("Decided").variables().containsEntry("overdueOutcomeLine", "decided: take-over");
    }

    @Test
    void theCommandersTaskEndsByItselfWhenTheOverdueTaskIsDone() {
        // given two overdue tasks of one incident
        ProcessInstance first = raise("INC-2026-0502", "task-2");
        ProcessInstance second = raise("INC-2026-0502", "task-3");

        // when the first overdue task is completed
        runtimeService().createMessageCorrelation("OverdueTaskSettled").processInstanceVariableEquals("overdueTaskId", "task-2")
                .correlateAll();

        // then only its commander task ended
        assertThat(first).isEnded().hasPassed("OverdueTaskSettled", "Settled");
        assertThat(second).isWaitingAt("HandleOverdue");
    }
}
