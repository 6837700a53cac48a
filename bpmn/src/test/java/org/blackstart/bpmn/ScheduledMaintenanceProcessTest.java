package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/scheduled-maintenance.bpmn")
class ScheduledMaintenanceProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** What the platform's maintenanceStatus bean was told, in order. */
    private final List<String> states = new ArrayList<>();
    private String stubDeployment;
    /** Whether the stub notice waits for a review, as the real one does, or is sent at once. */
    private static final String REVIEWED_ANNOUNCEMENT = "MNT-2026-0007";

    @BeforeEach
    void stubs() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("maintenanceStatus", (JavaDelegate) execution ->
                states.add(execution.getProcessBusinessKey() + " " + execution.getVariable("maintenanceState")));
        // customer-notice is tested on its own; here a notice is a called instance with its variables.
        stubDeployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("customer-notice-stub.bpmn", Bpmn.createExecutableProcess("customer-notice")
                        .camundaHistoryTimeToLive(1).startEvent().exclusiveGateway()
                        .condition("reviewed", "${execution.processBusinessKey == '" + REVIEWED_ANNOUNCEMENT
                                + "' && noticeStep == 'announce'}").userTask("ReviewNotice").endEvent()
                        .moveToLastGateway().condition("sent", "${true}").endEvent().done())
                .deploy().getId();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        engine.getRepositoryService().deleteDeployment(stubDeployment, true);
    }

    private ProcessInstance schedule(String key, Instant start, Instant end) {
        Map<String, Object> variables = new HashMap<>(window(start, end, Duration.ofHours(24)));
        variables.put("title", "Mail storage upgrade");
        variables.put("affectedServices", "mail,webmail");
        variables.put("advice", "Do not schedule mailings in this window.");
        variables.put("reminderStep", "reminder");
        return runtimeService().startProcessInstanceByKey("scheduled-maintenance", key, variables);
    }

    private static Map<String, Object> window(Instant start, Instant end, Duration reminderBefore) {
        return Map.of("windowStart", start.toString(), "windowEnd", end.toString(),
                "startsAt", Date.from(start), "endsAt", Date.from(end), "reminderAt", Date.from(start.minus(reminderBefore)));
    }

    /** The notices the maintenance asked for, in order: "step phase (title, services, advice)". */
    private List<String> notices(String key) {
        List<String> notices = new ArrayList<>();
        for (HistoricProcessInstance notice : historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("customer-notice").processInstanceBusinessKey(key)
                .orderByProcessInstanceStartTime().asc().list()) {
            Map<String, Object> v = new HashMap<>();
            historyService().createHistoricVariableInstanceQuery().processInstanceId(notice.getId()).list()
                    .forEach(variable -> v.put(variable.getName(), variable.getValue()));
            notices.add(v.get("noticeStep") + " " + v.get("noticePhase"));
            assertThat(v).containsEntry("title", "Mail storage upgrade").containsEntry("affectedServices", "mail,webmail")
                    .containsKeys("windowStart", "windowEnd", "advice");
        }
        return notices;
    }

    private void at(Instant time) {
        ClockUtil.setCurrentTime(Date.from(time));
    }

    private static Date due(ProcessInstance instance) {
        return job(instance).getDuedate();
    }

    @Test
    void announcedRemindedStartedAndCompletedWhenTheWindowEnds() {
        Instant start = NOW.plus(Duration.ofDays(3));
        Instant end = start.plus(Duration.ofHours(2));
        ProcessInstance maintenance = schedule("MNT-2026-0001", start, end);

        assertThat(notices("MNT-2026-0001")).containsExactly("announce maintenance-scheduled");
        assertThat(maintenance).isWaitingAt("UntilReminder");
        assertThat(due(maintenance)).isEqualTo(Date.from(start.minus(Duration.ofHours(24))));

        at(start.minus(Duration.ofHours(24)));
        execute(job(maintenance));
        assertThat(notices("MNT-2026-0001")).containsExactly("announce maintenance-scheduled", "reminder maintenance-reminder");
        assertThat(maintenance).isWaitingAt("UntilWindow");
        assertThat(due(maintenance)).isEqualTo(Date.from(start));
        assertThat(states).isEmpty();

        at(start);
        execute(job(maintenance));
        assertThat(states).containsExactly("MNT-2026-0001 in-progress");
        assertThat(maintenance).isWaitingAt("UntilWindowEnd");
        assertThat(due(maintenance)).isEqualTo(Date.from(end));

        at(end);
        execute(job(maintenance));
        assertThat(states).containsExactly("MNT-2026-0001 in-progress", "MNT-2026-0001 completed");
        assertThat(notices("MNT-2026-0001")).containsExactly("announce maintenance-scheduled",
                "reminder maintenance-reminder", "completed maintenance-completed");
        assertThat(maintenance).isEnded().hasPassed("MaintenanceCompleted");
    }

    @Test
    void anUpdateSendsAnUpdatedNoticeAndTheTimersFollowTheNewWindow() {
        Instant start = NOW.plus(Duration.ofDays(3));
        ProcessInstance maintenance = schedule("MNT-2026-0002", start, start.plus(Duration.ofHours(2)));

        Instant later = start.plus(Duration.ofDays(2));
        Map<String, Object> changed = new HashMap<>(window(later, later.plus(Duration.ofHours(4)), Duration.ofHours(24)));
        changed.put("advice", "Do not schedule mailings on Thursday.");
        changed.put("updateStep", "updated-2");
        changed.put("reminderStep", "reminder-2");
        runtimeService().createMessageCorrelation("MaintenanceUpdated").processInstanceBusinessKey("MNT-2026-0002")
                .setVariables(changed).correlate();

        assertThat(notices("MNT-2026-0002")).containsExactly("announce maintenance-scheduled", "updated-2 maintenance-updated");
        assertThat(maintenance).isWaitingAt("UntilReminder");
        assertThat(due(maintenance)).isEqualTo(Date.from(later.minus(Duration.ofHours(24))));

        at(later.minus(Duration.ofHours(24)));
        execute(job(maintenance));
        assertThat(notices("MNT-2026-0002")).endsWith("reminder-2 maintenance-reminder");
        assertThat(due(maintenance)).isEqualTo(Date.from(later));
    }

    @Test
    void anUpdateWithinTheRemindersLeadTimeSkipsTheReminderAndWaitsForTheWindow() {
        Instant start = NOW.plus(Duration.ofDays(3));
        ProcessInstance maintenance = schedule("MNT-2026-0003", start, start.plus(Duration.ofHours(2)));

        Instant soon = NOW.plus(Duration.ofHours(3));
        Map<String, Object> changed = new HashMap<>(window(soon, soon.plus(Duration.ofHours(1)), Duration.ofHours(24)));
        changed.put("updateStep", "updated-2");
        changed.put("reminderStep", "reminder-2");
        runtimeService().correlateMessage("MaintenanceUpdated", "MNT-2026-0003", changed);

        assertThat(maintenance).isWaitingAt("UntilWindow");
        assertThat(due(maintenance)).isEqualTo(Date.from(soon));
        assertThat(notices("MNT-2026-0003")).containsExactly("announce maintenance-scheduled", "updated-2 maintenance-updated");
    }

    @Test
    void anUpdateDuringTheWindowMovesItsEnd() {
        Instant start = NOW.plus(Duration.ofHours(2));
        ProcessInstance maintenance = schedule("MNT-2026-0004", start, start.plus(Duration.ofHours(1)));
        assertThat(maintenance).isWaitingAt("UntilWindow");
        at(start);
        execute(job(maintenance));

        Instant newEnd = start.plus(Duration.ofHours(3));
        Map<String, Object> changed = new HashMap<>(window(start, newEnd, Duration.ofHours(24)));
        changed.put("updateStep", "updated-2");
        changed.put("reminderStep", "reminder-2");
        runtimeService().correlateMessage("MaintenanceUpdated", "MNT-2026-0004", changed);

        assertThat(maintenance).isWaitingAt("UntilWindowEnd");
        assertThat(due(maintenance)).isEqualTo(Date.from(newEnd));
        assertThat(notices("MNT-2026-0004")).containsExactly("announce maintenance-scheduled", "updated-2 maintenance-updated");
    }

    @Test
    void aCancelledMaintenanceEndsWithACancelledNotice() {
        ProcessInstance maintenance = schedule("MNT-2026-0005", NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(4)));

        runtimeService().correlateMessage("MaintenanceCancelled", "MNT-2026-0005");

        assertThat(maintenance).isEnded().hasPassed("MaintenanceCancelled").hasNotPassed("MaintenanceStarted");
        assertThat(states).containsExactly("MNT-2026-0005 cancelled");
        assertThat(notices("MNT-2026-0005")).containsExactly("announce maintenance-scheduled", "cancelled maintenance-cancelled");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(maintenance.getId()).count()).isZero();
    }

    @Test
    void completingEarlyEndsTheWindowAtOnce() {
        Instant start = NOW.plus(Duration.ofHours(1));
        ProcessInstance maintenance = schedule("MNT-2026-0006", start, start.plus(Duration.ofHours(4)));
        at(start);
        execute(job(maintenance));
        assertThat(maintenance).isWaitingAt("UntilWindowEnd");

        runtimeService().correlateMessage("MaintenanceCompleted", "MNT-2026-0006");

        assertThat(maintenance).isEnded().hasPassed("CompletedEarly", "MaintenanceCompleted");
        assertThat(states).containsExactly("MNT-2026-0006 in-progress", "MNT-2026-0006 completed");
        assertThat(notices("MNT-2026-0006")).containsExactly("announce maintenance-scheduled", "completed maintenance-completed");
    }

    @Test
    void aChangeWhileTheAnnouncementIsUnderReviewReplacesItAndACancelDropsIt() {
        Instant start = NOW.plus(Duration.ofDays(3));
        ProcessInstance maintenance = schedule(REVIEWED_ANNOUNCEMENT, start, start.plus(Duration.ofHours(2)));
        assertThat(maintenance).isWaitingAt("Announce");

        Map<String, Object> changed = new HashMap<>(window(start, start.plus(Duration.ofHours(3)), Duration.ofHours(24)));
        changed.put("updateStep", "updated-2");
        changed.put("reminderStep", "reminder-2");
        runtimeService().correlateMessage("MaintenanceUpdated", REVIEWED_ANNOUNCEMENT, changed);

        assertThat(maintenance).isWaitingAt("UntilReminder").hasPassed("UpdatedWhileAnnouncing", "UpdatedNotice");
        assertThat(engine.getTaskService().createTaskQuery().count()).as("the announcement's review is withdrawn").isZero();

        runtimeService().correlateMessage("MaintenanceCancelled", REVIEWED_ANNOUNCEMENT);
        assertThat(maintenance).isEnded().hasPassed("MaintenanceCancelled");
        assertThat(states).containsExactly(REVIEWED_ANNOUNCEMENT + " cancelled");
    }
}
