package org.blackstart.plugins.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.AccountHealth;
import org.blackstart.spi.ActionTicket;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code actions.ticket.*} for the team's own Jira, through the real bridge against the simulated site. */
class JiraActionRoutesTest {

    private static final String INCIDENT = "INC-2026-0042";

    private final JiraServiceDeskSimulation jira = JiraServiceDeskSimulation.start();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final AccountHealth health = SimulatedJira.health();
    private BridgeHarness harness;

    private BridgeHarness harness(String project) {
        JiraProperties properties = SimulatedJira.actionsOnly(SimulatedJira.actions(jira, project));
        harness = new BridgeHarness().start(new RoutesBuilder[] {new JiraActionRoutes(new JiraActionTickets(
                JiraPluginAutoConfiguration.issues(properties, health), ledger, Duration.ofMinutes(2)))});
        return harness;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        jira.close();
    }

    @Test
    void opensAnIssueInTheTeamsProjectWithTheItemsOwnerDueDateAndIncidentLink() {
        // when
        TaskRun run = harness(JiraServiceDeskSimulation.TEAM_PROJECT).run(Topics.ACTIONS_TICKET_OPEN, INCIDENT,
                SimulatedJira.actionItem(null));

        // then
        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(run.variables()).containsEntry(ActionTicket.Results.TICKET_SYSTEM, "jira")
                .containsEntry(ActionTicket.Results.TICKET_KEY, "OPS-1")
                .containsEntry(ActionTicket.Results.TICKET_URL, jira.baseUrl() + "/browse/OPS-1");
        JiraServiceDeskSimulation.Issue issue = jira.issue("OPS-1");
        assertThat(issue.project()).isEqualTo("OPS");
        assertThat(issue.issueType()).isEqualTo("Task");
        assertThat(issue.summary()).isEqualTo("[INC-2026-0042] Add second feed to rack B");
        assertThat(issue.dueDate()).isEqualTo("2026-12-22");
        assertThat(issue.labels()).contains("blackstart", "action-item").anyMatch(label -> label.matches("bs-[0-9a-f]{16}"));
        assertThat(issue.descriptionDocument().path("type").asText()).isEqualTo("doc");
        assertThat(issue.descriptionDocument().toString()).contains("owned by oncall-1", "due on 2026-12-22",
                "\"href\":\"https://blackstart.example/incidents/INC-2026-0042\"");
        assertThat(issue.status()).isEqualTo("To Do");
    }

    @Test
    void aRetryOrACrashBeforeTheLedgersMarkOpensNoSecondIssue() {
        // given
        harness(JiraServiceDeskSimulation.TEAM_PROJECT).run(Topics.ACTIONS_TICKET_OPEN, INCIDENT, SimulatedJira.actionItem(null));

        // when: the same task again, then again after the ledger lost its mark (a crash after Jira's 201)
        TaskRun again = harness.run(Topics.ACTIONS_TICKET_OPEN, INCIDENT, SimulatedJira.actionItem(null));
        ledger.clear();
        TaskRun afterCrash = harness.run(Topics.ACTIONS_TICKET_OPEN, INCIDENT, SimulatedJira.actionItem(null));

        // then
        assertThat(again.variables()).containsEntry(ActionTicket.Results.TICKET_KEY, "OPS-1");
        assertThat(afterCrash.outcome()).as(afterCrash.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(afterCrash.variables()).containsEntry(ActionTicket.Results.TICKET_KEY, "OPS-1");
        assertThat(jira.issues()).hasSize(1);
    }

    @Test
    void closingMovesTheIssueToDoneOnceAndLeavesAnIssueFinishedInJiraAlone() {
        // given
        harness(JiraServiceDeskSimulation.TEAM_PROJECT).run(Topics.ACTIONS_TICKET_OPEN, INCIDENT, SimulatedJira.actionItem(null));
        jira.recover();

        // when
        TaskRun closed = harness.run(Topics.ACTIONS_TICKET_CLOSE, INCIDENT, SimulatedJira.actionItem("OPS-1"));
        TaskRun again = harness.run(Topics.ACTIONS_TICKET_CLOSE, INCIDENT, SimulatedJira.actionItem("OPS-1"));

        // then
        assertThat(closed.outcome()).as(closed.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(again.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(jira.issue("OPS-1").status()).isEqualTo("Done");
        assertThat(jira.requests("POST", "/rest/api/3/issue/OPS-1/transitions")).hasSize(1);

        // given: another item whose issue a team member finished in Jira already
        java.util.Map<String, Object> other = SimulatedJira.actionItem(null);
        other.put(ActionTicket.Variables.ITEM_ID, 4L);
        String key = harness.run(Topics.ACTIONS_TICKET_OPEN, INCIDENT, other).variables().get("ticketKey").toString();
        jira.teamMemberFinishes(key);
        other.put(ActionTicket.Results.TICKET_KEY, key);

        // when
        TaskRun closeFinished = harness.run(Topics.ACTIONS_TICKET_CLOSE, INCIDENT, other);

        // then
        assertThat(closeFinished.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(jira.requests("POST", "/rest/api/3/issue/" + key + "/transitions")).isEmpty();
    }

    @Test
    void aProjectJiraDoesNotKnowBecomesAnIncidentInCockpitNotABpmnError() {
        // when
        TaskRun run = harness("NOPE").run(Topics.ACTIONS_TICKET_OPEN, INCIDENT, SimulatedJira.actionItem(null));

        // then
        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("actions", "400", "project");
        assertThat(jira.issues()).isEmpty();
        assertThat(run.incidentMessage()).doesNotContain(JiraServiceDeskSimulation.API_TOKEN);
    }
}
