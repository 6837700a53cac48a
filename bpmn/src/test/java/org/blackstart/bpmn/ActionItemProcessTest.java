package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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

@Deployment(resources = "bpmn/action-item.bpmn")
class ActionItemProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private static final String INCIDENT = "INC-2026-0042";
    private static final Instant NOW = Instant.parse("2026-12-08T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-22T23:59:00Z");
    private static final Instant REMINDER = DUE.minus(Duration.ofDays(3));

    /** What the platform's actionItemSteps bean was asked to do, in order. */
    private final List<String> steps = new ArrayList<>();

    /** Stands in for the platform's bean: records each call with what the process knew then. */
    public class Steps {
        public void ticketOpened(DelegateExecution execution) {
            steps.add("ticket " + execution.getVariable("ticketSystem") + " " + execution.getVariable("ticketKey"));
        }

        public void done(DelegateExecution execution) {
            steps.add("done by " + execution.getVariable("closedBy") + (Boolean.TRUE.equals(
                    execution.getVariable("closedByTracker")) ? " in the tracker" : ""));
        }
    }

    @BeforeEach
    void stubs() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("actionItemSteps", new Steps());
        TimelineRecordingParseListener.LINES.clear();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance open(boolean tracker) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentKey", INCIDENT);
        variables.put("actionItemId", 3L);
        variables.put("actionTitle", "Add second feed to rack B");
        variables.put("actionKind", "prevent");
        variables.put("actionOwner", "oncall-1");
        variables.put("actionDueOn", "2026-12-22");
        variables.put("actionDueAt", Date.from(DUE));
        variables.put("actionReminderAt", Date.from(REMINDER));
        variables.put("actionLink", "http://localhost:8080/incidents/" + INCIDENT);
        variables.put("ticketTracker", tracker);
        variables.put("ticketSystem", null);
        variables.put("ticketKey", null);
        variables.put("closedByTracker", false);
        variables.put("closedBy", null);
        return runtimeService().startProcessInstanceByKey("action-item", INCIDENT, variables);
    }

    private List<String> timeline() {
        return TimelineRecordingParseListener.LINES.stream().filter(line -> line.startsWith(INCIDENT + " ")).toList();
    }

    private static Job timer(ProcessInstance item, String activityId) {
        return managementService().createJobQuery().processInstanceId(item.getId()).activityId(activityId).singleResult();
    }

    @Test
    void theOwnerIsRemindedBeforeTheDueDateThenTheCommandersGetAnOverdueTask() {
        // given
        ProcessInstance item = open(false);
        BpmnAwareTests.assertThat(item).isWaitingAt("DoItem");
        Task work = task(item);
        assertThat(work.getAssignee()).isEqualTo("oncall-1");
        assertThat(work.getName()).isEqualTo("Action item: Add second feed to rack B");
        assertThat(work.getDueDate()).isEqualTo(Date.from(DUE));
        assertThat(timer(item, "ReminderDue").getDuedate()).isEqualTo(Date.from(REMINDER));
        assertThat(timer(item, "PastDue").getDuedate()).isEqualTo(Date.from(DUE));

        // when: three days before the due date
        ClockUtil.setCurrentTime(Date.from(REMINDER));
        execute(timer(item, "ReminderDue"));

        // then: the owner gets a mail through team.mail, and the timeline says so
        BpmnAwareTests.assertThat(externalTask(item)).hasTopicName("team.mail");
        Map<String, Object> mail = runtimeService().getVariablesLocal(externalTask(item).getExecutionId());
        assertThat(mail).containsEntry("teamMailTo", "oncall-1")
                .containsEntry("teamMailSubject", "Action item due 2026-12-22: Add second feed to rack B");
        assertThat((String) mail.get("teamMailText")).contains("#3", INCIDENT, "/incidents/" + INCIDENT);
        complete(externalTask(item));
        assertThat(timeline()).containsExactly(INCIDENT + " ACTION_ITEM Reminder sent to oncall-1: action item #3 "
                + "'Add second feed to rack B' is due 2026-12-22");
        BpmnAwareTests.assertThat(item).isWaitingAt("DoItem");
        assertThat(taskQuery().processInstanceId(item.getId()).taskDefinitionKey("ItemOverdue").count()).isZero();

        // when: the due date passes
        ClockUtil.setCurrentTime(Date.from(DUE));
        execute(timer(item, "PastDue"));

        // then: the commanders get an overdue task, and the owner keeps theirs
        Task overdue = taskQuery().processInstanceId(item.getId()).taskDefinitionKey("ItemOverdue").singleResult();
        assertThat(overdue.getName()).isEqualTo("Action item overdue: Add second feed to rack B");
        BpmnAwareTests.assertThat(overdue).hasCandidateGroup("incident-commanders");
        BpmnAwareTests.assertThat(item).isWaitingAt("DoItem", "ItemOverdue");
        assertThat(timeline()).last().asString().contains("is overdue (due 2026-12-22)");
        assertThat(steps).isEmpty();

        // when: the owner finishes the work
        complete(taskQuery().processInstanceId(item.getId()).taskDefinitionKey("DoItem").singleResult(),
                withVariables("actionOutcome", "Second feed installed"));

        // then: the item is done; the overdue task went with it; without a ticket nothing is closed
        assertThat(steps).containsExactly("done by null");
        BpmnAwareTests.assertThat(item).isEnded().hasPassed("MarkDone", "ItemClosed").hasNotPassed("CloseTicket");
        assertThat(taskQuery().processInstanceId(item.getId()).count()).isZero();
    }

    @Test
    void aTicketClosedInTheTrackerEndsTheItemWithoutClosingTheTicketAgain() {
        // given: a tracker opened the ticket
        ProcessInstance item = open(true);
        BpmnAwareTests.assertThat(item).isWaitingAt("OpenTicket");
        BpmnAwareTests.assertThat(externalTask(item)).hasTopicName("actions.ticket.open");
        complete(externalTask(item), withVariables("ticketSystem", "jira", "ticketKey", "OPS-7",
                "ticketUrl", "https://team.example/browse/OPS-7"));
        assertThat(steps).containsExactly("ticket jira OPS-7");
        BpmnAwareTests.assertThat(item).isWaitingAt("DoItem");

        // when: the tracker says the ticket was resolved
        runtimeService().createMessageCorrelation("ActionTicketClosed").processInstanceId(item.getId())
                .setVariable("closedByTracker", true).setVariable("closedBy", "Tara Tracker").correlate();

        // then
        assertThat(steps).containsExactly("ticket jira OPS-7", "done by Tara Tracker in the tracker");
        BpmnAwareTests.assertThat(item).isEnded().hasPassed("TicketClosed", "MarkDone").hasNotPassed("CloseTicket");
        assertThat(managementService().createJobQuery().processInstanceId(item.getId()).count())
                .as("no reminder or overdue timer is left").isZero();
    }

    @Test
    void anItemMarkedDoneElsewhereClosesItsTicketInTheTracker() {
        // given
        ProcessInstance item = open(true);
        complete(externalTask(item), withVariables("ticketSystem", "jira", "ticketKey", "OPS-8"));

        // when: a commander marks it done through the API
        runtimeService().createMessageCorrelation("ActionItemDone").processInstanceId(item.getId())
                .setVariable("closedBy", "commander").correlate();

        // then: the ticket is closed in the tracker
        assertThat(steps).containsExactly("ticket jira OPS-8", "done by commander");
        BpmnAwareTests.assertThat(item).isWaitingAt("CloseTicket");
        BpmnAwareTests.assertThat(externalTask(item)).hasTopicName("actions.ticket.close");
        complete(externalTask(item));
        BpmnAwareTests.assertThat(item).isEnded().hasPassed("ItemClosed");
        assertThat(timeline()).containsExactly(INCIDENT + " ACTION_ITEM Ticket OPS-8 of action item #3 closed in jira");
    }
}
