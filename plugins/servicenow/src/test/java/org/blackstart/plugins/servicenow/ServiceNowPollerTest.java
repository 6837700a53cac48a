package org.blackstart.plugins.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.testkit.InMemoryPluginState;
import org.blackstart.testkit.servicenow.ServiceNowSimulation;
import org.blackstart.testkit.vendor.InMemorySingleNodeLease;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling for instances that cannot call us: new vendor comments and states, once, on one node. */
class ServiceNowPollerTest {

    private final ServiceNowSimulation sn = ServiceNowSimulation.start();
    private final InMemoryVendorInbox inbox = new InMemoryVendorInbox();
    private final InMemorySingleNodeLease node = new InMemorySingleNodeLease();
    private final InMemoryPluginState state = new InMemoryPluginState();
    private ServiceNowApi api;
    private ServiceNowPoller poller;
    private String number;

    @BeforeEach
    void openCase() {
        ServiceNowAccounts accounts = SimulatedServiceNow.accounts(SimulatedServiceNow.properties(sn));
        api = accounts.get(SimulatedServiceNow.ACCOUNT);
        poller = new ServiceNowPoller(inbox, node, state);
        number = api.create(Map.of("short_description", "[INC-2026-0042] Array A slow",
                "correlation_id", "INC-2026-0042:storeco", "correlation_display", "Blackstart",
                "comments", "Opened by Blackstart")).path("number").asText();
        inbox.knowCase("servicenow", number);
    }

    @AfterEach
    void stop() {
        sn.close();
    }

    @Test
    void aVendorCommentIsDeliveredOnceHoweverOftenItIsPolled() {
        String comment = sn.vendorComments(number, "Controller 0 shows cache errors; we are dispatching a part.");

        int first = poller.poll(api);
        int second = poller.poll(api);

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(inbox.delivered()).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(comment);
            assertThat(message.caseNumber()).isEqualTo(number);
            assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REPLY);
            assertThat(message.author()).isEqualTo(ServiceNowSimulation.VENDOR_USER);
            assertThat(message.text()).isEqualTo("Controller 0 shows cache errors; we are dispatching a part.");
        });
    }

    @Test
    void ourOwnCommentsAreNotReadBack() {
        poller.poll(api);

        assertThat(inbox.delivered()).isEmpty();
        assertThat(sn.comments(number)).extracting(c -> c.get("value")).containsExactly("Opened by Blackstart");
    }

    @Test
    void laterCommentsAndStatesArriveOnLaterPollsAfterARestart() {
        sn.vendorUpdates(number, Map.of("state", "2", "assigned_to", "Beth Anglin"));
        poller.poll(api);
        sn.vendorUpdates(number, "3", "1", null);
        sn.vendorComments(number, "Please send 'show controller 0'.");

        ServiceNowPoller restarted = new ServiceNowPoller(inbox, node, state);
        restarted.poll(api);
        sn.vendorUpdates(number, "6", null, "Solved (Permanently)");
        restarted.poll(api);

        assertThat(inbox.delivered()).extracting(VendorMessage::kind).containsExactly(VendorMessage.Kind.ACKNOWLEDGED,
                VendorMessage.Kind.REQUEST, VendorMessage.Kind.RESOLVED);
        assertThat(inbox.delivered().get(1).text()).isEqualTo("Please send 'show controller 0'.");
        assertThat(inbox.delivered().get(2).status()).isEqualTo("Resolved (Solved (Permanently))");
    }

    @Test
    void ourOwnCloseIsNotReadBackAsTheVendorResolvingTheCase() {
        poller.poll(api);
        api.patch(sn.record(number).get("sys_id"), Map.of("state", "6", "close_code", "Solved (Permanently)",
                "close_notes", "Closed by Blackstart"));

        poller.poll(api);

        assertThat(inbox.delivered()).isEmpty();
    }

    @Test
    void theVendorsFilesComeWithItsComment() {
        sn.vendorAttaches(number, "analysis.pdf", "application/pdf", "%PDF-1.7 analysis".getBytes(StandardCharsets.UTF_8));
        sn.vendorComments(number, "Our analysis is attached.");

        poller.poll(api);

        assertThat(inbox.delivered()).singleElement().satisfies(message -> {
            assertThat(message.attachments()).singleElement().satisfies(file -> {
                assertThat(file.fileName()).isEqualTo("analysis.pdf");
                assertThat(file.contentType()).isEqualTo("application/pdf");
                assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 analysis");
            });
        });
    }

    @Test
    void theSchedulePollsEveryIntervalUntilStopped() {
        ServiceNowProperties properties = SimulatedServiceNow.properties(new ServiceNowProperties.Account(sn.baseUrl(),
                "incident", ServiceNowProperties.Auth.BASIC, ServiceNowSimulation.USERNAME, ServiceNowSimulation.PASSWORD,
                null, null, null, null, null, null, null, 6, "Solved (Permanently)", "", null,
                java.time.Duration.ofSeconds(1), List.of(), List.of("1"), List.of(), null));
        ServiceNowPolling polling = new ServiceNowPolling(SimulatedServiceNow.accounts(properties), poller);
        sn.vendorComments(number, "Engineer on site at 14:00.");

        polling.start();
        try {
            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> inbox.delivered().size() == 1);
        } finally {
            polling.stop();
        }

        assertThat(polling.isRunning()).isFalse();
        assertThat(inbox.delivered().get(0).text()).isEqualTo("Engineer on site at 14:00.");
    }

    @Test
    void onlyTheNodeHoldingTheLeasePolls() {
        ServiceNowPoller otherNode = new ServiceNowPoller(inbox, node.cluster(), new InMemoryPluginState());
        poller.poll(api);
        int before = sn.requests("/api/now/").size();
        sn.vendorComments(number, "Any news?");

        int polledElsewhere = otherNode.poll(api);

        assertThat(polledElsewhere).isZero();
        assertThat(sn.requests("/api/now/")).hasSize(before);
        assertThat(poller.poll(api)).isEqualTo(1);
        assertThat(inbox.delivered()).hasSize(1);
    }
}
