package org.blackstart.plugins.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.blackstart.spi.vendor.VendorMessage;
import org.junit.jupiter.api.Test;

/** What a ServiceNow case's fields say the vendor did. */
class CaseEventTest {

    private static final CaseEvent.Comment COMMENT =
            new CaseEvent.Comment("c0ffee", "Done from our side.", "beth.anglin", "2026-12-07 01:02:03");

    private final ServiceNowProperties.Account account = account(List.of(), List.of("1"),
            List.of("Not a product defect", "Closed/Resolved by Caller"));

    private static ServiceNowProperties.Account account(List<String> requestStates, List<String> holdReasons,
                                                        List<String> disputeCodes) {
        return new ServiceNowProperties.Account(java.net.URI.create("https://storeco.service-now.com"), "incident",
                ServiceNowProperties.Auth.BASIC, "blackstart.integration", "pw", null, null, null, null, null, null,
                null, 6, "Solved (Permanently)", "", null, Duration.ZERO, requestStates, holdReasons, disputeCodes, null);
    }

    private static CaseEvent event(String state, String holdReason, String closeCode, String assignedTo,
                                   CaseEvent.Comment comment) {
        return new CaseEvent("INC0010001", "abc", state, holdReason, closeCode, assignedTo, "2026-12-07 01:02:03",
                "beth.anglin", "5", comment);
    }

    @Test
    void resolvedIsAFixUnlessTheCloseCodeDisputesIt() {
        assertThat(event("6", null, "Solved (Permanently)", null, COMMENT).kind(account))
                .isEqualTo(VendorMessage.Kind.RESOLVED);
        assertThat(event("6", null, "closed/resolved by caller", null, null).kind(account))
                .isEqualTo(VendorMessage.Kind.DISPUTE);
        assertThat(event("7", null, "Not a product defect", null, null).kind(account))
                .isEqualTo(VendorMessage.Kind.DISPUTE);
        assertThat(event("7", null, "Solved (Permanently)", null, null).kind(account))
                .isEqualTo(VendorMessage.Kind.CLOSED);
    }

    @Test
    void onHoldAwaitingCallerOrAConfiguredStateIsARequest() {
        assertThat(event("3", "1", null, null, null).kind(account)).isEqualTo(VendorMessage.Kind.REQUEST);
        assertThat(event("3", "4", null, null, null).kind(account)).isEqualTo(VendorMessage.Kind.ACKNOWLEDGED);
        assertThat(event("3", "4", null, null, COMMENT).kind(account)).isEqualTo(VendorMessage.Kind.REPLY);
        assertThat(event("18", null, null, null, COMMENT).kind(account(List.of("18"), List.of(), List.of())))
                .isEqualTo(VendorMessage.Kind.REQUEST);
    }

    @Test
    void anAssignmentOrWorkInProgressIsAnAcknowledgementAndANewCaseWithoutCommentIsNothing() {
        assertThat(event("1", null, null, "Beth Anglin", null).kind(account)).isEqualTo(VendorMessage.Kind.ACKNOWLEDGED);
        assertThat(event("2", null, null, null, null).kind(account)).isEqualTo(VendorMessage.Kind.ACKNOWLEDGED);
        assertThat(event("1", null, null, null, null).kind(account)).isNull();
        assertThat(event("1", null, null, null, COMMENT).kind(account)).isEqualTo(VendorMessage.Kind.REPLY);
    }

    @Test
    void theMessageCarriesTheCommentsIdAuthorAndTimeOrTheChangesModCount() {
        VendorMessage reply = event("2", null, null, null, COMMENT).toMessage("storeco", VendorMessage.Kind.REPLY, List.of());
        VendorMessage change = event("2", null, null, "Beth Anglin", null)
                .toMessage("storeco", VendorMessage.Kind.ACKNOWLEDGED, List.of());

        assertThat(reply.messageId()).isEqualTo("c0ffee");
        assertThat(reply.author()).isEqualTo("beth.anglin");
        assertThat(reply.receivedAt()).isEqualTo(Instant.parse("2026-12-07T01:02:03Z"));
        assertThat(reply.status()).isEqualTo("In Progress");
        assertThat(change.messageId()).isEqualTo("abc#5");
        assertThat(change.text()).isEqualTo("Case is now In Progress; assigned to Beth Anglin");
    }
}
