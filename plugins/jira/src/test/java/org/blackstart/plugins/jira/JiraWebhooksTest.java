package org.blackstart.plugins.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.Topics;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.blackstart.testkit.vendor.VendorPluginPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plugin as the platform runs it: its auto-configuration in a Spring Boot web server with
 * camel-platform-http, the real bridge on a real engine, the vendor's Jira simulated. A case is
 * opened through the bridge, then Jira's webhook deliveries about it are posted over HTTP, signed
 * as Jira signs them.
 */
@SpringBootTest(classes = JiraWebhooksTest.Platform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class JiraWebhooksTest {

    private static final JiraServiceDeskSimulation JIRA = JiraServiceDeskSimulation.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    @Import(VendorPluginPlatform.class)
    static class Platform {
    }

    @DynamicPropertySource
    static void jira(DynamicPropertyRegistry registry) {
        String account = JiraProperties.PREFIX + ".accounts." + SimulatedJira.ACCOUNT + ".";
        registry.add(account + "base-url", () -> JIRA.baseUrl().toString());
        registry.add(account + "email", () -> JiraServiceDeskSimulation.EMAIL);
        registry.add(account + "api-token", () -> JiraServiceDeskSimulation.API_TOKEN);
        registry.add(account + "service-desk-id", () -> JiraServiceDeskSimulation.SERVICE_DESK_ID);
        registry.add(account + "request-type-id", () -> JiraServiceDeskSimulation.REQUEST_TYPE_ID);
        registry.add(account + "own-account-id", () -> JiraServiceDeskSimulation.OWN_ACCOUNT_ID);
        registry.add(account + "webhook-secret", () -> JiraServiceDeskSimulation.WEBHOOK_SECRET);
        String other = JiraProperties.PREFIX + ".accounts.hostly.";
        registry.add(other + "base-url", () -> JIRA.baseUrl().toString());
        registry.add(other + "bearer-token", () -> JiraServiceDeskSimulation.BEARER_TOKEN);
        registry.add(other + "service-desk-id", () -> "8");
        registry.add(other + "request-type-id", () -> "9");
        registry.add(other + "webhook-secret", () -> "hostly-webhook-secret-0123456789abcdef");
    }

    @LocalServerPort
    int port;
    @Autowired
    BridgeHarness harness;
    @Autowired
    InMemoryVendorInbox inbox;
    @Autowired
    List<BlackstartPlugin> plugins;

    private static JiraServiceDeskSimulation.Issue issue;

    @BeforeAll
    static void openACase(@Autowired BridgeHarness harness, @Autowired InMemoryVendorInbox inbox) {
        TaskRun run = harness.run(Topics.VENDOR_CASE_OPEN, "INC-2026-0042", SimulatedJira.open());
        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        issue = JIRA.issue(run.variables().get("vendorCaseNumber").toString());
        inbox.knowCase(JiraCases.SYSTEM, issue.key());
    }

    @AfterAll
    static void stopJira() {
        JIRA.close();
    }

    private int delivered;

    @BeforeEach
    void countDelivered() {
        delivered = inbox.delivered().size();
    }

    private HttpResponse<String> deliver(String account, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/vendor-webhooks/jira/" + account))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deliverSigned(String body) throws Exception {
        return deliver(SimulatedJira.ACCOUNT, body, JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.WEBHOOK_SECRET, body));
    }

    private VendorMessage lastDelivered() {
        List<VendorMessage> all = inbox.delivered();
        assertThat(all).hasSize(delivered + 1);
        return all.get(all.size() - 1);
    }

    @Test
    void theVendorsCommentReachesTheInboxAsAReply() throws Exception {
        String body = JiraServiceDeskSimulation.commentCreated(issue, "In Progress", "30001",
                JiraServiceDeskSimulation.VENDOR_AGENT_ID, JiraServiceDeskSimulation.VENDOR_AGENT,
                "We are looking at the controller logs now.", true);

        HttpResponse<String> response = deliverSigned(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("outcome").asText()).isEqualTo("DELIVERED");
        VendorMessage message = lastDelivered();
        assertThat(message.system()).isEqualTo("jira");
        assertThat(message.account()).isEqualTo("storeco");
        assertThat(message.caseNumber()).isEqualTo(issue.key());
        assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REPLY);
        assertThat(message.author()).isEqualTo(JiraServiceDeskSimulation.VENDOR_AGENT);
        assertThat(message.text()).isEqualTo("We are looking at the controller logs now.");
        assertThat(message.messageId()).isEqualTo("storeco:comment:30001");
        assertThat(message.status()).isEqualTo("In Progress");
    }

    @Test
    void aCommentWhileTheVendorWaitsForUsIsARequest() throws Exception {
        String body = JiraServiceDeskSimulation.commentCreated(issue, "Waiting for customer", "30002",
                JiraServiceDeskSimulation.VENDOR_AGENT_ID, JiraServiceDeskSimulation.VENDOR_AGENT,
                "Please send the output of 'show controller stats' from both heads.", true);

        assertThat(deliverSigned(body).statusCode()).isEqualTo(200);

        assertThat(lastDelivered().kind()).isEqualTo(VendorMessage.Kind.REQUEST);
    }

    @Test
    void aQuestionAskedWithTheStepToWaitingForCustomerIsOneRequest() throws Exception {
        String agent = JiraServiceDeskSimulation.VENDOR_AGENT_ID;
        String name = JiraServiceDeskSimulation.VENDOR_AGENT;
        String question = "Please send the array's support bundle.";

        assertThat(deliverSigned(JiraServiceDeskSimulation.commentCreated(issue, "Waiting for customer", "30010", agent,
                name, question, true)).statusCode()).isEqualTo(200);
        assertThat(deliverSigned(JiraServiceDeskSimulation.issueUpdatedWithComment(issue, "40010", "In Progress",
                "Waiting for customer", "30010", agent, name, question)).statusCode()).isEqualTo(200);

        VendorMessage request = lastDelivered();
        assertThat(request.kind()).isEqualTo(VendorMessage.Kind.REQUEST);
        assertThat(request.text()).isEqualTo(question);
    }

    @Test
    void workflowStepsMeanAcknowledgedRequestResolvedAndDispute() throws Exception {
        String agent = JiraServiceDeskSimulation.VENDOR_AGENT_ID;
        String name = JiraServiceDeskSimulation.VENDOR_AGENT;

        deliverSigned(JiraServiceDeskSimulation.issueUpdated(issue, "40001", "Waiting for support", "In Progress", null, agent, name));
        VendorMessage acknowledged = lastDelivered();
        delivered++;
        deliverSigned(JiraServiceDeskSimulation.issueUpdated(issue, "40002", "In Progress", "Waiting for customer", null, agent, name));
        VendorMessage request = lastDelivered();
        delivered++;
        deliverSigned(JiraServiceDeskSimulation.issueUpdated(issue, "40003", "Waiting for customer", "Resolved", "Done", agent, name));
        VendorMessage resolved = lastDelivered();
        delivered++;
        deliverSigned(JiraServiceDeskSimulation.issueUpdated(issue, "40004", "In Progress", "Resolved", "Won't Do", agent, name));
        VendorMessage dispute = lastDelivered();

        assertThat(acknowledged.kind()).isEqualTo(VendorMessage.Kind.ACKNOWLEDGED);
        assertThat(acknowledged.text()).isEqualTo("Status changed from Waiting for support to In Progress");
        assertThat(acknowledged.messageId()).isEqualTo("storeco:issue:" + issue.id() + ":changelog:40001");
        assertThat(request.kind()).isEqualTo(VendorMessage.Kind.REQUEST);
        assertThat(resolved.kind()).isEqualTo(VendorMessage.Kind.RESOLVED);
        assertThat(dispute.kind()).isEqualTo(VendorMessage.Kind.DISPUTE);
        assertThat(dispute.text()).contains("to Resolved", "resolution: Won't Do");
        assertThat(dispute.author()).isEqualTo(name);
    }

    @Test
    void ourOwnCommentsAndChangesComingBackAreNotTakenForTheVendors() throws Exception {
        String ownComment = JiraServiceDeskSimulation.commentCreated(issue, "In Progress", "30003",
                JiraServiceDeskSimulation.OWN_ACCOUNT_ID, "Blackstart", "Logs attached.\n\n(ref bs-0123456789abcdef)", true);
        String ownClose = JiraServiceDeskSimulation.issueUpdated(issue, "40005", "In Progress", "Resolved", "Done",
                JiraServiceDeskSimulation.OWN_ACCOUNT_ID, "Blackstart");
        String internal = JiraServiceDeskSimulation.commentCreated(issue, "In Progress", "30004",
                JiraServiceDeskSimulation.VENDOR_AGENT_ID, JiraServiceDeskSimulation.VENDOR_AGENT,
                "Customer is on the old firmware, blame them.", false);

        for (String body : List.of(ownComment, ownClose, internal)) {
            HttpResponse<String> response = deliverSigned(body);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("ignored").asText()).isNotBlank();
        }

        assertThat(inbox.delivered()).hasSize(delivered);
    }

    @Test
    void theSameDeliveryTwiceIsStoredOnce() throws Exception {
        String body = JiraServiceDeskSimulation.commentCreated(issue, "In Progress", "30005",
                JiraServiceDeskSimulation.VENDOR_AGENT_ID, JiraServiceDeskSimulation.VENDOR_AGENT, "Patch 4.2.2 is ready.", true);

        deliverSigned(body);
        HttpResponse<String> again = deliverSigned(body);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(inbox.delivered()).hasSize(delivered + 1);
    }

    @Test
    void unsignedWronglySignedOrOtherAccountsDeliveriesAre401AndStoreNothing() throws Exception {
        String body = JiraServiceDeskSimulation.commentCreated(issue, "In Progress", "30006",
                JiraServiceDeskSimulation.VENDOR_AGENT_ID, JiraServiceDeskSimulation.VENDOR_AGENT, "Forged.", true);
        String hostlySecret = "hostly-webhook-secret-0123456789abcdef";

        List<HttpResponse<String>> refused = List.of(
                deliver(SimulatedJira.ACCOUNT, body, null),
                deliver(SimulatedJira.ACCOUNT, body, JiraServiceDeskSimulation.sign("not-the-secret-of-this-webhook", body)),
                deliver(SimulatedJira.ACCOUNT, body, JiraServiceDeskSimulation.sign(hostlySecret, body)),
                deliver(SimulatedJira.ACCOUNT, body + " ", JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.WEBHOOK_SECRET, body)),
                deliver("nobody", body, JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.WEBHOOK_SECRET, body)));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(401);
            assertThat(response.body()).doesNotContain(JiraServiceDeskSimulation.WEBHOOK_SECRET).doesNotContain(hostlySecret);
        }
        assertThat(inbox.delivered()).hasSize(delivered);
        assertThat(inbox.parked()).noneMatch(m -> m.text().equals("Forged."));
    }

    @Test
    void aSignedDeliveryThatIsNotJiraJsonIs400() throws Exception {
        HttpResponse<String> notJson = deliverSigned("{\"webhookEvent\": ");
        HttpResponse<String> noIssue = deliverSigned("{\"webhookEvent\":\"comment_created\",\"comment\":{\"id\":\"1\"}}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(noIssue.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noIssue.body()).path("detail").asText()).contains("issue");
        assertThat(inbox.delivered()).hasSize(delivered);
    }

    @Test
    void thePluginDescribesItsTopicsAndWebhook() {
        BlackstartPlugin plugin = plugins.stream().filter(p -> p.descriptor().slug().equals("jira")).findFirst().orElseThrow();

        assertThat(plugin.descriptor().topics()).containsExactlyInAnyOrder(Topics.VENDOR_CASE_OPEN, Topics.VENDOR_CASE_UPDATE,
                Topics.VENDOR_CASE_CLOSE);
        assertThat(plugin.descriptor().inboundEndpoints()).containsExactly("POST /api/vendor-webhooks/jira/{account}");
        assertThat(plugin.health().detail()).contains("hostly", "storeco");
    }
}
