package org.blackstart.plugins.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.blackstart.spi.ActionTickets;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.blackstart.testkit.vendor.VendorPluginPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plugin configured for the team's own Jira only (no vendor desk): an action item's issue is opened through
 * the bridge, then Jira's webhook reports a team member finishing it, signed as Jira signs it, and the platform's
 * {@link ActionTickets} hears of it; a forged or meaningless delivery reaches nothing.
 */
@SpringBootTest(classes = JiraActionWebhookTest.Platform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class JiraActionWebhookTest {

    private static final JiraServiceDeskSimulation JIRA = JiraServiceDeskSimulation.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The platform's side, recording what trackers report. */
    static final class RecordingActionTickets implements ActionTickets {
        final List<String> closed = new CopyOnWriteArrayList<>();

        @Override
        public Outcome closed(String system, String ticketKey, String closedBy) {
            closed.add(system + " " + ticketKey + " by " + closedBy);
            return Outcome.CLOSED;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    @Import(VendorPluginPlatform.class)
    static class Platform {
        @Bean
        RecordingActionTickets actionTickets() {
            return new RecordingActionTickets();
        }
    }

    @DynamicPropertySource
    static void jira(DynamicPropertyRegistry registry) {
        String actions = JiraProperties.PREFIX + ".actions.";
        registry.add(actions + "base-url", () -> JIRA.baseUrl().toString());
        registry.add(actions + "email", () -> JiraServiceDeskSimulation.EMAIL);
        registry.add(actions + "api-token", () -> JiraServiceDeskSimulation.API_TOKEN);
        registry.add(actions + "project", () -> JiraServiceDeskSimulation.TEAM_PROJECT);
        registry.add(actions + "own-account-id", () -> JiraServiceDeskSimulation.OWN_ACCOUNT_ID);
        registry.add(actions + "webhook-secret", () -> JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    RecordingActionTickets tickets;
    @Autowired
    List<BlackstartPlugin> plugins;

    private static JiraServiceDeskSimulation.Issue issue;

    @BeforeAll
    static void openAnIssue(@Autowired BridgeHarness harness) {
        TaskRun run = harness.run(Topics.ACTIONS_TICKET_OPEN, "INC-2026-0042", SimulatedJira.actionItem(null));
        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        issue = JIRA.issue(run.variables().get("ticketKey").toString());
    }

    @AfterAll
    static void stopJira() {
        JIRA.close();
    }

    private HttpResponse<String> deliver(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/vendor-webhooks/jira/actions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTeamMemberFinishingTheIssueIsReportedToThePlatform() throws Exception {
        // given
        JIRA.teamMemberFinishes(issue.key());
        String body = JiraServiceDeskSimulation.issueFinished(issue, "50001", "To Do");
        int before = tickets.closed.size();

        // when
        HttpResponse<String> response = deliver(body, JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET, body));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("outcome").asText()).isEqualTo("CLOSED");
        assertThat(tickets.closed).hasSize(before + 1);
        assertThat(tickets.closed.get(before)).isEqualTo("jira " + issue.key() + " by " + JiraServiceDeskSimulation.TEAM_MEMBER);
    }

    @Test
    void aForgedDeliveryIsRefusedAndReachesNothing() throws Exception {
        // given
        String body = JiraServiceDeskSimulation.issueFinished(issue, "50002", "To Do");
        List<String> before = List.copyOf(tickets.closed);

        // when
        HttpResponse<String> forged = deliver(body, JiraServiceDeskSimulation.sign("not-the-team-webhook-secret-at-all", body));
        HttpResponse<String> unsigned = deliver(body, null);
        HttpResponse<String> vendorSecret = deliver(body, JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.WEBHOOK_SECRET, body));

        // then
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(vendorSecret.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain(JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET);
        assertThat(tickets.closed).isEqualTo(before);
    }

    @Test
    void progressAndOurOwnChangesMeanNothing() throws Exception {
        // given
        List<String> before = List.copyOf(tickets.closed);
        String progress = JiraServiceDeskSimulation.issueUpdated(issue, "50003", "To Do", "In Progress", null,
                JiraServiceDeskSimulation.TEAM_MEMBER_ID, JiraServiceDeskSimulation.TEAM_MEMBER);
        String ours = JiraServiceDeskSimulation.issueUpdated(issue, "50004", "To Do", "Done", null,
                JiraServiceDeskSimulation.OWN_ACCOUNT_ID, "Blackstart");

        // when
        HttpResponse<String> first = deliver(progress, JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET, progress));
        HttpResponse<String> second = deliver(ours, JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET, ours));

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("ignored").asText()).isEqualTo("status In Progress is not done");
        assertThat(JSON.readTree(second.body()).path("ignored").asText()).isEqualTo("our own change");
        assertThat(tickets.closed).isEqualTo(before);
    }

    @Test
    void thePluginOffersTheTrackerTopicsAndNoVendorCases() {
        BlackstartPlugin jira = plugins.stream().filter(p -> p.descriptor().slug().equals("jira")).findFirst().orElseThrow();

        assertThat(jira.descriptor().topics()).containsExactlyInAnyOrder(Topics.ACTIONS_TICKET_OPEN, Topics.ACTIONS_TICKET_CLOSE);
    }
}
