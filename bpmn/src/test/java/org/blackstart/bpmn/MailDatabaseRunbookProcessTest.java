package org.blackstart.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mail database runbook: a backup whose checksum fails is chosen again; the dry run's diff is approved by a
 * second person (four-eyes) before production is restored, and a refusal stops the runbook before the restore.
 */
@Deployment(resources = {"bpmn/runbooks/mail-database-restore.bpmn", "bpmn/runbooks/four-eyes.bpmn"})
class MailDatabaseRunbookProcessTest {

    private static final String KEY = "INC-2026-0301";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    @BeforeEach
    void clearLines() {
        TimelineRecordingParseListener.LINES.clear();
        // The platform's check (who approves, a reason for a refusal) is FourEyesApproval's, tested with the application.
        Mocks.register("fourEyesApproval", (JavaDelegate) execution -> { });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("mail-database-restore", KEY, Map.of("incidentKey", KEY));
    }

    private static void dryRunDone(ProcessInstance runbook) {
        complete(task("ChooseBackup", runbook), withVariables("backupId", "mx-db-2026-12-07T02", "checksumVerified", "yes"));
        assertThat(runbook).isWaitingAt("DryRun");
        complete(task("DryRun", runbook), withVariables("dryRunDiff", "4,211 mailboxes; 38 messages newer than the backup"));
    }

    @Test
    void aBackupWhoseChecksumFailsIsChosenAgainBeforeAnyRestore() {
        // given a running runbook
        ProcessInstance runbook = start();
        assertThat(runbook).isWaitingAt("ChooseBackup");
        assertThat(task("ChooseBackup", runbook)).hasCandidateGroup("on-call").hasCandidateGroup("incident-commanders");

        // when the newest backup's checksum does not match
        complete(task("ChooseBackup", runbook), withVariables("backupId", "mx-db-2026-12-07T04", "checksumVerified", "no"));

        // then another backup is chosen, and nothing is restored yet
        assertThat(runbook).isWaitingAt("ChooseBackup").hasNotPassed("DryRun", "Restore");
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES)
                .contains(KEY + " RUNBOOK Backup mx-db-2026-12-07T04 chosen: checksum NOT verified, choosing another");

        // when an older one checks out
        complete(task("ChooseBackup", runbook), withVariables("backupId", "mx-db-2026-12-07T02", "checksumVerified", "yes"));

        // then the dry run in the lab comes first
        assertThat(runbook).isWaitingAt("DryRun");
    }

    @Test
    void anApprovedDryRunIsRestoredMailboxesEmptiedHistoryReplayedInStagesAndDuplicatesReconciled() {
        // given the dry run is done
        ProcessInstance runbook = start();
        dryRunDone(runbook);

        // then a second person is asked to approve its diff, in the incident's name
        assertThat(runbook).isWaitingAt("ApproveDryRun");
        ProcessInstance approval = calledProcessInstance("four-eyes", runbook);
        assertThat(approval).isWaitingAt("ApproveStep").hasBusinessKey(KEY);
        assertThat(task("ApproveStep", approval)).hasName("Approve the dry-run diff for " + KEY)
                .hasCandidateGroup("on-call").hasCandidateGroup("incident-commanders");
        assertThat(approval).variables().containsEntry("fourEyesSummary", "4,211 mailboxes; 38 messages newer than the backup");

        // when the second person approves
        complete(task("ApproveStep", approval), withVariables("fourEyesVerdict", "approve"));

        // then production is restored, new mail flows to empty mailboxes, and history is replayed stage by stage
        assertThat(runbook).isWaitingAt("Restore");
        complete(task("Restore", runbook), withVariables("restoreSummary", "restored 4,211 mailboxes"));
        complete(task("EmptyMailboxes", runbook), withVariables("mailboxesResult", "test mail arrived in 4 s"));
        complete(task("ReplayStage", runbook), withVariables("replayedStage", "2026-12-06", "replayDone", "more"));
        assertThat(runbook).isWaitingAt("ReplayStage");
        complete(task("ReplayStage", runbook), withVariables("replayedStage", "2026-12-01 to 2026-12-05", "replayDone", "done"));
        assertThat(runbook).isWaitingAt("Reconcile");
        complete(task("Reconcile", runbook), withVariables("duplicatesRemoved", 38));

        // then the runbook is complete, and each step said what it did
        assertThat(runbook).isEnded().hasPassed("RunbookCompleted").hasNotPassed("ReplayStopped");
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES).contains(
                KEY + " RUNBOOK the dry-run diff: approved by a second person",
                KEY + " RUNBOOK History replayed: 2026-12-06, more to come",
                KEY + " RUNBOOK History replayed: 2026-12-01 to 2026-12-05, replay complete",
                KEY + " RUNBOOK Duplicates reconciled: 38 removed");
    }

    @Test
    void aRefusedDryRunStopsTheRunbookBeforeTheRestoreAndTheReplay() {
        // given the dry run is done
        ProcessInstance runbook = start();
        dryRunDone(runbook);
        ProcessInstance approval = calledProcessInstance("four-eyes", runbook);

        // when the second person refuses it, with a reason
        complete(task("ApproveStep", approval), withVariables("fourEyesVerdict", "refuse",
                "fourEyesReason", "The diff misses the shared mailboxes"));

        // then the runbook ends as stopped, the reason on the timeline, and nothing is restored or replayed
        assertThat(runbook).isEnded().hasPassed("ReplayStopped").hasNotPassed("Restore", "ReplayStage", "RunbookCompleted");
        org.assertj.core.api.Assertions.assertThat(TimelineRecordingParseListener.LINES).contains(
                KEY + " RUNBOOK the dry-run diff: refused by a second person: The diff misses the shared mailboxes",
                KEY + " RUNBOOK Runbook stopped before the restore: the dry run was refused: The diff misses the shared mailboxes");
    }
}
