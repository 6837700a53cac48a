package org.blackstart.plugins.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.testkit.servicenow.ServiceNowSimulation;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the instance's business rule posts, and what the plugin makes of it; posted as the simulation writes it. */
class ServiceNowWebhookTest {

    private final ServiceNowSimulation sn = ServiceNowSimulation.start();
    private final InMemoryVendorInbox inbox = new InMemoryVendorInbox();
    private ServiceNowWebhook webhook;
    private String number;

    @BeforeEach
    void openCase() {
        ServiceNowAccounts accounts = SimulatedServiceNow.accounts(SimulatedServiceNow.properties(sn));
        webhook = new ServiceNowWebhook(accounts, inbox, new VendorFiles(new ServiceNowPoller.MemoryState()));
        ServiceNowApi api = accounts.get(SimulatedServiceNow.ACCOUNT);
        number = api.create(Map.of("short_description", "[INC-2026-0042] Array A slow",
                "correlation_id", "INC-2026-0042:storeco", "correlation_display", "Blackstart")).path("number").asText();
        inbox.knowCase("servicenow", number);
    }

    @AfterEach
    void stop() {
        sn.close();
    }

    private ServiceNowWebhook.Answer post(String body) {
        return webhook.receive(SimulatedServiceNow.ACCOUNT, ServiceNowSimulation.WEBHOOK_SECRET, body);
    }

    @Test
    void aVendorCommentIsDeliveredAsAReplyWithItsAuthorAndIdOnce() {
        String comment = sn.vendorComments(number, "We are looking at the controller logs.");
        String body = sn.webhookBody(number, comment);

        ServiceNowWebhook.Answer answer = post(body);
        ServiceNowWebhook.Answer again = post(body);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).contains("\"outcome\":\"DELIVERED\"", "\"kind\":\"REPLY\"");
        assertThat(again.body()).contains("\"outcome\":\"DUPLICATE\"");
        assertThat(inbox.delivered()).singleElement().satisfies(message -> {
            assertThat(message.system()).isEqualTo("servicenow");
            assertThat(message.account()).isEqualTo(SimulatedServiceNow.ACCOUNT);
            assertThat(message.caseNumber()).isEqualTo(number);
            assertThat(message.messageId()).isEqualTo(comment);
            assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REPLY);
            assertThat(message.author()).isEqualTo(ServiceNowSimulation.VENDOR_USER);
            assertThat(message.text()).isEqualTo("We are looking at the controller logs.");
            assertThat(message.status()).isEqualTo("New");
        });
    }

    @Test
    void onHoldAwaitingCallerWithACommentIsARequest() {
        sn.vendorUpdates(number, "3", "1", null);
        String comment = sn.vendorComments(number, "Please send the output of 'show controller 0'.");

        post(sn.webhookBody(number, comment));

        assertThat(inbox.delivered()).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REQUEST);
            assertThat(message.status()).isEqualTo("On Hold (Awaiting Caller)");
        });
    }

    @Test
    void stateChangesBecomeAcknowledgedResolvedDisputedAndClosed() {
        sn.vendorUpdates(number, Map.of("state", "2", "assigned_to", "Beth Anglin"));
        post(sn.webhookBody(number, null));
        sn.vendorUpdates(number, "6", null, "Not a product defect");
        post(sn.webhookBody(number, null));

        assertThat(inbox.delivered()).extracting(VendorMessage::kind)
                .containsExactly(VendorMessage.Kind.ACKNOWLEDGED, VendorMessage.Kind.DISPUTE);
        assertThat(inbox.delivered().get(1).status()).isEqualTo("Resolved (Not a product defect)");
        assertThat(inbox.delivered().get(0).text()).isEqualTo("Case is now In Progress; assigned to Beth Anglin");
    }

    @Test
    void aWrongOrMissingSecretIsRefusedWithProblemJsonAndNothingIsStored() {
        String comment = sn.vendorComments(number, "hello");
        String body = sn.webhookBody(number, comment);

        ServiceNowWebhook.Answer wrong = webhook.receive(SimulatedServiceNow.ACCOUNT, "not-the-secret-at-all-000000", body);
        ServiceNowWebhook.Answer missing = webhook.receive(SimulatedServiceNow.ACCOUNT, null, body);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.contentType()).isEqualTo("application/problem+json");
        assertThat(wrong.body()).contains("\"status\":401").doesNotContain(ServiceNowSimulation.WEBHOOK_SECRET);
        assertThat(inbox.delivered()).isEmpty();
        assertThat(inbox.parked()).isEmpty();
    }

    @Test
    void ourOwnCommentsAndClosesAreNotTheVendorsWords() {
        ServiceNowApi api = SimulatedServiceNow.accounts(SimulatedServiceNow.properties(sn)).get(SimulatedServiceNow.ACCOUNT);
        String sysId = sn.record(number).get("sys_id");
        api.patch(sysId, Map.of("comments", "Here are the logs."));
        String ours = sn.comments(number).get(0).get("sys_id");
        ServiceNowWebhook.Answer comment = post(sn.webhookBody(number, ours));
        api.patch(sysId, Map.of("state", "6", "close_code", "Solved (Permanently)"));
        ServiceNowWebhook.Answer close = post(sn.webhookBody(number, null));

        assertThat(comment.status()).isEqualTo(202);
        assertThat(comment.body()).contains("IGNORED");
        assertThat(close.body()).contains("IGNORED");
        assertThat(inbox.delivered()).isEmpty();
        assertThat(inbox.parked()).isEmpty();
    }

    @Test
    void theVendorsNewFilesComeWithTheNextMessageOnce() {
        sn.vendorAttaches(number, "analysis.txt", "text/plain", "root cause: cache battery".getBytes());
        String comment = sn.vendorComments(number, "Root cause attached.");

        post(sn.webhookBody(number, comment));
        sn.vendorUpdates(number, "6", null, "Solved (Permanently)");
        post(sn.webhookBody(number, null));

        assertThat(inbox.delivered()).hasSize(2);
        assertThat(inbox.delivered().get(0).attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("analysis.txt");
            assertThat(new String(file.content())).isEqualTo("root cause: cache battery");
        });
        assertThat(inbox.delivered().get(1).attachments()).isEmpty();
    }

    @Test
    void anUnknownAccountIsNotFound() {
        ServiceNowWebhook.Answer answer = webhook.receive("hostly", ServiceNowSimulation.WEBHOOK_SECRET, "{}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("hostly");
    }

    @Test
    void malformedJsonIsABadRequest() {
        ServiceNowWebhook.Answer answer = post("{\"number\": \"INC0010001\", ");
        ServiceNowWebhook.Answer noCase = post("{\"state\": \"2\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(noCase.status()).isEqualTo(400);
        assertThat(inbox.delivered()).isEmpty();
        assertThat(inbox.parked()).isEmpty();
    }

    @Test
    void aCommentOnACaseThePlatformDoesNotKnowIsParked() {
        ServiceNowWebhook.Answer answer = post("{\"number\":\"INC0099999\",\"sys_id\":\"ffffffffffffffffffffffffffffffff\","
                + "\"state\":\"2\",\"sys_updated_on\":\"2026-12-07 01:00:00\","
                + "\"comment\":{\"sys_id\":\"abc\",\"value\":\"Is this yours?\",\"sys_created_by\":\"beth.anglin\"}}");

        assertThat(answer.body()).contains("\"outcome\":\"" + VendorInbox.Outcome.PARKED + "\"");
        assertThat(inbox.parked()).singleElement().extracting(VendorMessage::text).isEqualTo("Is this yours?");
    }
}
