package org.blackstart.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The datacenter power runbook: the recovery in its order, a quiet two-hour watch, and a second failure that starts it over. */
@Deployment(resources = "bpmn/runbooks/datacenter-power-recovery.bpmn")
class DatacenterPowerRunbookProcessTest {

    private static final String KEY = "INC-2026-0302";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    @BeforeEach
    void clearLines() {
        TimelineRecordingParseListener.LINES.clear();
    }

    private static ProcessInstance recoveredUpToTheWatch() {
        ProcessInstance runbook = runtimeService().startProcessInstanceByKey("datacenter-power-recovery", KEY,
                Map.of("incidentKey", KEY));
        assertThat(runbook).isWaitingAt("VerifyPower");
        assertThat(task("VerifyPower", runbook)).hasCandidateGroup("on-call").hasCandidateGroup("incident-commanders");
        complete(task("VerifyPower", runbook), withVariables("powerResult", "feed A back, UPS charged, rooms at 22 C"));
        assertThat(runbook).isWaitingAt("BringUpStorage");
        complete(task("BringUpStorage", runbook), withVariables("storageResult", "both arrays healthy"));
        assertThat(runbook).isWaitingAt("BringUpDatabases");
        complete(task("BringUpDatabases", runbook), withVariables("databasesResult", "primaries open"));
        assertThat(runbook).isWaitingAt("Resync");
        complete(task("Resync", runbook), withVariables("replicationLag", 3, "resyncResult", "replicas caught up"));
        assertThat(runbook).isWaitingAt("VerifyServices");
        complete(task("VerifyServices", runbook), withVariables("servicesResult", "mail, web and API answer"));
        assertThat(runbook).isWaitingAt("WatchForSecondFailure");
        return runbook;
    }

    @Test
    void powerStorageDatabasesResyncAndServicesComeBackInOrderAndTwoQuietHoursEndTheWatch() {
        // given the recovery is done up to the watch
        ProcessInstance runbook = recoveredUpToTheWatch();

        // when two hours pass without a second failure
        Job watch = job("WatchOver", runbook);
        execute(watch);

        // then the recovery is complete
        assertThat(runbook).isEnded().hasPassed("PowerRecovered").hasNotPassed("WatchOutcome");
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES).contains(
                KEY + " RUNBOOK Databases resynced, replication lag 3 s: replicas caught up",
                KEY + " RUNBOOK Watched for two hours: no second failure");
    }

    @Test
    void aSecondFailureDuringTheWatchStartsTheRecoveryOverFromPowerAndCooling() {
        // given the recovery is done up to the watch
        ProcessInstance runbook = recoveredUpToTheWatch();

        // when power fails again
        complete(task("WatchForSecondFailure", runbook), withVariables("watchOutcome", "second-failure",
                "secondFailure", "feed A dropped again at 06:10"));

        // then the recovery starts over from power and cooling, and the watch's timer is gone
        assertThat(runbook).isWaitingAt("VerifyPower").isNotEnded();
        org.assertj.core.api.Assertions.assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService()
                .createJobQuery().processInstanceId(runbook.getId()).count()).isZero();
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES).contains(
                KEY + " RUNBOOK Second failure, starting over from power and cooling: feed A dropped again at 06:10");
    }

    @Test
    void theWatchCanBeEndedEarlyWhenAllIsStable() {
        // given the recovery is done up to the watch
        ProcessInstance runbook = recoveredUpToTheWatch();

        // when the watcher ends it early
        complete(task("WatchForSecondFailure", runbook), withVariables("watchOutcome", "quiet"));

        // then the recovery is complete
        assertThat(runbook).isEnded().hasPassed("PowerRecovered");
    }
}
