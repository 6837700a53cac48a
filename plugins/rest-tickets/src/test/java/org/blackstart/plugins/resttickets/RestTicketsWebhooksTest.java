package org.blackstart.plugins.resttickets;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.blackstart.testkit.resttickets.VendorPortalSimulation;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
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
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plugin as the platform runs it, configured from properties the way an operator writes them:
 * a case is opened on the simulated portal through the bridge, then the portal's webhook deliveries
 * about it are posted over HTTP with the shared secret in the configured header.
 */
@SpringBootTest(classes = RestTicketsWebhooksTest.Platform.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class RestTicketsWebhooksTest {

    private static final VendorPortalSimulation PORTAL = VendorPortalSimulation.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    @Import(VendorPluginPlatform.class)
    static class Platform {
    }

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry registry) {
        String account = RestTicketsProperties.PREFIX + ".accounts." + SimulatedPortal.ACCOUNT + ".";
        registry.add(account + "base-url", () -> PORTAL.baseUrl().toString());
        registry.add(account + "auth.type", () -> "bearer");
        registry.add(account + "auth.token", () -> VendorPortalSimulation.TOKEN);
        registry.add(account + "open.body", () -> SimulatedPortal.OPEN_BODY);
        registry.add(account + "open.case-number", () -> "/data/caseNumber");
        registry.add(account + "open.case-id", () -> "/data/id");
        registry.add(account + "update.body", () -> SimulatedPortal.UPDATE_BODY);
        registry.add(account + "webhook-secret", () -> SimulatedPortal.SECRET);
        registry.add(account + "secret-header", () -> "X-Portal-Secret");
        registry.add(account + "inbound.case-number", () -> "/case/number");
        registry.add(account + "inbound.message-id", () -> "/event/id");
        registry.add(account + "inbound.author", () -> "/event/author/name");
        registry.add(account + "inbound.text", () -> "/event/message");
        registry.add(account + "inbound.kind", () -> "/event/type");
        registry.add(account + "inbound.status", () -> "/case/state");
        registry.add(account + "inbound.kinds.customer-action-required", () -> "REQUEST");
        registry.add(account + "inbound.kinds.not-our-fault", () -> "DISPUTE");
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryVendorInbox inbox;
    @Autowired
    List<BlackstartPlugin> plugins;

    private static String caseNumber;

    @BeforeAll
    static void openACase(@Autowired BridgeHarness harness, @Autowired InMemoryVendorInbox inbox) {
        TaskRun run = harness.run(Topics.VENDOR_CASE_OPEN, "INC-2026-0042", SimulatedPortal.open());
        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        caseNumber = run.variables().get("vendorCaseNumber").toString();
        inbox.knowCase(PortalCases.SYSTEM, caseNumber);
    }

    @AfterAll
    static void stopPortal() {
        PORTAL.close();
    }

    private static String delivery(String caseNumber, String id, String type, String message) {
        return """
                {"case": {"number": %s, "state": "open"},
                 "event": {"id": %s, "type": %s, "author": {"name": "Hank Host"}, "message": %s}}"""
                .formatted(quoted(caseNumber), quoted(id), quoted(type), quoted(message));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"";
    }

    private HttpResponse<String> post(String account, String body, String secretHeader, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/vendor-webhooks/rest-tickets/" + account))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(secretHeader, secret);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> deliver(String body) throws Exception {
        return post(SimulatedPortal.ACCOUNT, body, "X-Portal-Secret", SimulatedPortal.SECRET);
    }

    private VendorMessage delivered(String messageId) {
        return inbox.delivered().stream().filter(m -> m.messageId().equals(messageId)).findFirst().orElseThrow();
    }

    @Test
    void aMappedDeliveryReachesTheInboxInThePlatformsWords() throws Exception {
        HttpResponse<String> response = deliver(delivery(caseNumber, "ev-1", "customer-action-required",
                "Please send the PDU serial numbers of rack B7."));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("outcome").asText()).isEqualTo("DELIVERED");
        VendorMessage message = delivered("hostly:ev-1");
        assertThat(message.system()).isEqualTo("rest");
        assertThat(message.account()).isEqualTo("hostly");
        assertThat(message.caseNumber()).isEqualTo(caseNumber);
        assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REQUEST);
        assertThat(message.author()).isEqualTo("Hank Host");
        assertThat(message.text()).isEqualTo("Please send the PDU serial numbers of rack B7.");
        assertThat(message.status()).isEqualTo("open");
    }

    @Test
    void kindsAreMappedThenTakenByNameThenDefaultToReply() throws Exception {
        deliver(delivery(caseNumber, "ev-2", "not-our-fault", "The PDU was overloaded by your servers."));
        deliver(delivery(caseNumber, "ev-3", "resolved", "Feed A restored."));
        deliver(delivery(caseNumber, "ev-4", "note", "Technician on site."));
        deliver(delivery(caseNumber, "ev-5", null, "Any update from your side?"));

        assertThat(delivered("hostly:ev-2").kind()).isEqualTo(VendorMessage.Kind.DISPUTE);
        assertThat(delivered("hostly:ev-3").kind()).isEqualTo(VendorMessage.Kind.RESOLVED);
        assertThat(delivered("hostly:ev-4").kind()).isEqualTo(VendorMessage.Kind.REPLY);
        assertThat(delivered("hostly:ev-5").kind()).isEqualTo(VendorMessage.Kind.REPLY);
    }

    @Test
    void aDeliveryForNoKnownCaseIsParkedNotDropped() throws Exception {
        HttpResponse<String> response = deliver(delivery(null, "ev-6", "note", "Planned maintenance on Sunday."));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("outcome").asText()).isEqualTo("PARKED");
        assertThat(inbox.parked()).anyMatch(m -> m.messageId().equals("hostly:ev-6"));
    }

    @Test
    void theSameDeliveryTwiceIsStoredOnce() throws Exception {
        String body = delivery(caseNumber, "ev-7", "note", "Spare PSU shipped.");

        deliver(body);
        HttpResponse<String> again = deliver(body);

        assertThat(JSON.readTree(again.body()).path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(inbox.delivered().stream().filter(m -> m.messageId().equals("hostly:ev-7"))).hasSize(1);
    }

    @Test
    void aMissingOrWrongSecretOrAnUnknownAccountIs401AndStoresNothing() throws Exception {
        String body = delivery(caseNumber, "ev-forged", "fixed", "Forged.");

        List<HttpResponse<String>> refused = List.of(
                post(SimulatedPortal.ACCOUNT, body, "X-Portal-Secret", null),
                post(SimulatedPortal.ACCOUNT, body, "X-Portal-Secret", "hostly-portal-webhook-secret-5d1f"),
                post(SimulatedPortal.ACCOUNT, body, "X-Blackstart-Secret", SimulatedPortal.SECRET),
                post("storeco", body, "X-Portal-Secret", SimulatedPortal.SECRET));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain(SimulatedPortal.SECRET);
        }
        assertThat(inbox.delivered()).noneMatch(m -> m.text().equals("Forged."));
        assertThat(inbox.parked()).noneMatch(m -> m.text().equals("Forged."));
    }

    @Test
    void aDeliveryWithoutAMessageIdOrNotJsonIs400() throws Exception {
        HttpResponse<String> noId = deliver(delivery(caseNumber, null, "note", "No id."));
        HttpResponse<String> notJson = deliver("case=VP-1001&text=hello");

        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noId.body()).path("detail").asText()).contains("/event/id", "inbound.message-id");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void thePluginDescribesItsTopicsAndWebhook() {
        BlackstartPlugin plugin = plugins.stream().filter(p -> p.descriptor().slug().equals("rest-tickets"))
                .findFirst().orElseThrow();

        assertThat(plugin.descriptor().topics()).containsExactlyInAnyOrder(Topics.VENDOR_CASE_OPEN, Topics.VENDOR_CASE_UPDATE,
                Topics.VENDOR_CASE_CLOSE);
        assertThat(plugin.descriptor().inboundEndpoints()).containsExactly("POST /api/vendor-webhooks/rest-tickets/{account}");
        assertThat(plugin.health().status().name()).isEqualTo("UP");
    }
}
