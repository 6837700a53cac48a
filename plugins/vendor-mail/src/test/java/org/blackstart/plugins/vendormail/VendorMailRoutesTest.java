package org.blackstart.plugins.vendormail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.blackstart.testkit.vendor.InMemorySingleNodeLease;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin's routes in a real engine with the real bridge, against a real SMTP and IMAP server. */
class VendorMailRoutesTest {

    private static final String INCIDENT = "INC-2026-0001";

    private final GreenMail mail = LocalServers.mailServer();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryCaseEvidence evidence = new InMemoryCaseEvidence();
    private final InMemoryVendorInbox inbox = new InMemoryVendorInbox();
    private BridgeHarness harness;
    private VendorMailProperties properties;

    @BeforeEach
    void start() {
        mail.start();
        MailFixtures.ourMailbox(mail);
        startPlugin(Duration.ofHours(1));
    }

    private void startPlugin(Duration pollInterval) {
        properties = MailFixtures.properties(mail, pollInterval);
        VendorMailAccounts accounts = new VendorMailAccounts(properties);
        var account = properties.accounts().get("storeco");
        var poller = new MailboxPoller("storeco", account, properties, inbox, new InMemorySingleNodeLease(), Clock.systemUTC());
        harness = new BridgeHarness().start(new VendorMailRoutes(new CaseMailer(accounts, ledger, evidence,
                properties.claimLease()), List.of(poller)));
    }

    @AfterEach
    void stop() {
        harness.close();
        mail.stop();
    }

    private TaskRun open() {
        return harness.run("vendor.case.open", INCIDENT, MailFixtures.caseVariables("open", 2,
                "Latency on array A since the 4.2.1 patch; mail is queueing."));
    }

    /** What we sent, once per message: the server keeps a copy for each recipient (the vendor and our cc). */
    private MimeMessage[] sentToVendor() {
        Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                byId.putIfAbsent(message.getMessageID(), message);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return byId.values().toArray(MimeMessage[]::new);
    }

    @Test
    void openSendsOneMailWithTheEvidenceAndTheLogAndCompletesWithOurCaseNumber() throws Exception {
        TaskRun run = open();

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sentToVendor()).hasSize(1);
        MimeMessage sent = sentToVendor()[0];
        assertThat(sent.getSubject()).isEqualTo("[Case INC-2026-0001-STORECO] P2 Array A latency above 2 s");
        assertThat(sent.getFrom()[0].toString()).isEqualTo("Hosting Ops <incidents@blackstart.local>");
        assertThat(sent.getHeader("Cc", null)).isEqualTo("ops-team@blackstart.local");
        String expectedId = "<" + new DeliveryKey(INCIDENT, "open", "vendor-case:email", "storeco").id()
                + ".INC-2026-0001-STORECO@blackstart.local>";
        assertThat(sent.getMessageID()).isEqualTo(expectedId);
        String text = textOf(sent);
        assertThat(text).startsWith("Latency on array A since the 4.2.1 patch; mail is queueing.")
                .contains("Incident summary").contains("Storage array A latency above 2 s")
                .contains("- 09:12 alert: array-a latency 2300 ms").contains("- mail/imap-errors (firing since 09:13)")
                .contains("Attached: array-a-controller.log");
        assertThat(attachments(sent)).containsExactly(Map.entry("array-a-controller.log",
                "2026-11-23 09:11:58 ctrl0 WARN cache flush stalled\n"));
        assertThat(run.variables()).containsEntry(VendorCase.Results.CASE_NUMBER, MailFixtures.CASE)
                .containsEntry(VendorCase.Results.CASE_ID, expectedId)
                .containsEntry(VendorCase.Results.ALREADY_SENT, false)
                .doesNotContainKey(VendorCase.Results.CASE_URL);
        assertThat(ledger.entry(new DeliveryKey(INCIDENT, "open", "vendor-case:email", "storeco")).remoteReference())
                .isEqualTo(expectedId);
    }

    @Test
    void aRetriedOpenSendsNothingNewAndCompletesWithTheSameCase() {
        TaskRun first = open();

        TaskRun again = open();

        assertThat(again.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sentToVendor()).hasSize(1);
        assertThat(again.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, true)
                .containsEntry(VendorCase.Results.CASE_NUMBER, MailFixtures.CASE)
                .containsEntry(VendorCase.Results.CASE_ID, first.variables().get(VendorCase.Results.CASE_ID));
    }

    @Test
    void anAnswerIsAReplyInTheCaseThreadWithItsFile() throws Exception {
        String opening = (String) open().variables().get(VendorCase.Results.CASE_ID);
        evidence.put("answer-7", new EvidenceBundle("", List.of(), List.of(), List.of(new VendorAttachment(
                "array-a-config.txt", "text/plain", "raid=6\ncache=write-back\n".getBytes(StandardCharsets.UTF_8)))));
        Map<String, Object> answer = MailFixtures.caseVariables("answer-7", 2, "Here is the configuration you asked for.");
        answer.put(VendorCase.Variables.CASE_NUMBER, MailFixtures.CASE);
        answer.put(VendorCase.Variables.CASE_ID, opening);

        TaskRun run = harness.run("vendor.case.update", INCIDENT, answer);

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sentToVendor()).hasSize(2);
        MimeMessage reply = sentToVendor()[1];
        assertThat(reply.getSubject()).isEqualTo("Re: [Case INC-2026-0001-STORECO] P2 Array A latency above 2 s");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(opening);
        assertThat(reply.getHeader("References", null)).isEqualTo(opening);
        assertThat(textOf(reply)).startsWith("Here is the configuration you asked for.").doesNotContain("Incident summary");
        assertThat(attachments(reply)).containsExactly(Map.entry("array-a-config.txt", "raid=6\ncache=write-back\n"));
        assertThat(run.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, false)
                // The update does not change the case's number or id.
                .containsEntry(VendorCase.Results.CASE_NUMBER, MailFixtures.CASE);
    }

    @Test
    void aRaisedPriorityIsSaidInTheSubjectAndTheCloseEndsTheThread() throws Exception {
        String opening = (String) open().variables().get(VendorCase.Results.CASE_ID);
        Map<String, Object> raise = MailFixtures.caseVariables("priority-1", 1, "No acknowledgement within PT2H; priority raised to P1");
        raise.put(VendorCase.Variables.CASE_NUMBER, MailFixtures.CASE);
        raise.put(VendorCase.Variables.CASE_ID, opening);
        Map<String, Object> close = MailFixtures.caseVariables("close", 1, "");
        close.put(VendorCase.Variables.CASE_NUMBER, MailFixtures.CASE);
        close.put(VendorCase.Variables.CASE_ID, opening);

        assertThat(harness.run("vendor.case.update", INCIDENT, raise).outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(harness.run("vendor.case.close", INCIDENT, close).outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);

        MimeMessage raised = sentToVendor()[1];
        assertThat(raised.getSubject()).isEqualTo("Re: [Case INC-2026-0001-STORECO] P1 Array A latency above 2 s");
        assertThat(textOf(raised)).isEqualTo("No acknowledgement within PT2H; priority raised to P1");
        MimeMessage closed = sentToVendor()[2];
        assertThat(closed.getSubject()).isEqualTo("Re: [Case INC-2026-0001-STORECO] Closed by Hosting Ops: incident resolved");
        assertThat(textOf(closed)).isEqualTo("Case INC-2026-0001-STORECO closed by Hosting Ops: incident resolved");
        assertThat(closed.getHeader("In-Reply-To", null)).isEqualTo(opening);
    }

    @Test
    void anUnreachableMailServerIsATechnicalFailureAndNothingIsMarkedSent() {
        int port = mail.getSmtp().getPort();
        mail.stop();

        TaskRun run = open();

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("vendor-mail account 'storeco'")
                .contains("SMTP server 127.0.0.1:" + port + " refused the connection");
        assertThat(ledger.sent()).isEmpty();
        assertThat(ledger.entry(new DeliveryKey(INCIDENT, "open", "vendor-case:email", "storeco")).state())
                .isEqualTo(InMemoryDeliveryLedger.State.RELEASED);

        mail.start();
        MailFixtures.ourMailbox(mail);
        TaskRun retried = harness.retryFromCockpit(harness.lastProcessInstanceId());

        assertThat(retried.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(sentToVendor()).hasSize(1);
    }

    @Test
    void aVendorWithoutAConfiguredAccountIsRefusedForGood() {
        Map<String, Object> variables = MailFixtures.caseVariables("open", 2, "text");
        variables.put(VendorCase.Variables.ACCOUNT, "hostly");

        TaskRun run = harness.run("vendor.case.open", INCIDENT, variables);

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(VendorCase.CASE_REFUSED);
        assertThat(sentToVendor()).isEmpty();
    }

    @Test
    void casesOfOtherTicketingSystemsAreLeftToTheirPlugins() {
        Map<String, Object> variables = MailFixtures.caseVariables("open", 2, "text");
        variables.put(VendorCase.Variables.SYSTEM, "servicenow");
        harness.deployTaskProcess("vendor.case.open");

        var instance = harness.engine().getRuntimeService().startProcessInstanceByKey("task-vendor-case-open", INCIDENT, variables);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> sentToVendor().length == 0);
        assertThat(harness.engine().getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(instance.getId()).locked().count()).isZero();
    }

    @Test
    void theMailboxIsPolledOnItsIntervalAndTheVendorsReplyReachesTheInbox() throws Exception {
        harness.close();
        inbox.knowCase("email", MailFixtures.CASE);
        startPlugin(Duration.ofMillis(200));
        MailFixtures.ourMailbox(mail).deliver(MailFixtures.vendorMail("Re: [Case " + MailFixtures.CASE + "] P2 Array A",
                "We are looking into it."));

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.delivered().size() == 1);

        VendorMessage message = inbox.delivered().get(0);
        assertThat(message.caseNumber()).isEqualTo(MailFixtures.CASE);
        assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REPLY);
        assertThat(message.text()).isEqualTo("We are looking into it.");
    }

    static String textOf(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent()).strip();
        }
        return String.valueOf(content).strip();
    }

    static Map<String, String> attachments(MimeMessage message) throws Exception {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    part.getInputStream().transferTo(bytes);
                    files.put(part.getFileName(), bytes.toString(StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    @Test
    void aStepAnotherWorkerIsSendingIsRetriedAfterItsClaim() {
        VendorCase open = new VendorCase(INCIDENT, "storeco", "StoreCo", "email", "storeco", "open", null, null, 2, "SEV2",
                "Array A latency above 2 s", "text");
        ledger.claim(open.deliveryKey(), Duration.ofMinutes(2));
        CaseMailer mailer = new CaseMailer(new VendorMailAccounts(properties), ledger, evidence, properties.claimLease());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailer.open(open))
                .isInstanceOf(org.blackstart.spi.RetryLater.class)
                .hasMessageContaining("open of case INC-2026-0001-STORECO is being sent by another worker")
                .satisfies(e -> assertThat(((org.blackstart.spi.RetryLater) e).after()).isEqualTo(Duration.ofMinutes(2)));
        assertThat(sentToVendor()).isEmpty();
    }

    private CaseMailer mailerOn(int smtpPort) {
        var account = properties.accounts().get("storeco");
        var onServer = new VendorMailProperties.Account(account.to(), account.cc(), account.from(), account.fromName(),
                new VendorMailProperties.Smtp("127.0.0.1", smtpPort, VendorMailProperties.Security.NONE, null, null),
                account.imap(), account.pollInterval(), account.caseTag(), account.requestKeywords(),
                account.disputeKeywords(), account.resolvedKeywords());
        var refusing = new VendorMailProperties(true, Map.of("storeco", onServer), properties.claimLease(),
                properties.timeout(), properties.maxAttachmentSize());
        return new CaseMailer(new VendorMailAccounts(refusing), ledger, evidence, refusing.claimLease());
    }

    private static VendorCase openStep() {
        return new VendorCase(INCIDENT, "storeco", "StoreCo", "email", "storeco", "open", null, null, 2, "SEV2",
                "Array A latency above 2 s", "text");
    }

    @Test
    void aVendorAddressTheServerRefusesForGoodRefusesTheCaseAndALaterEscalationOpensIt() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 <support@storeco.example>: no such user")) {
            CaseMailer mailer = mailerOn(server.port());

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailer.open(openStep()))
                    .isInstanceOf(org.blackstart.spi.BusinessFailure.class)
                    .hasMessageContaining("vendor-mail account 'storeco': SMTP server 127.0.0.1:" + server.port()
                            + " refused the message for good")
                    .satisfies(e -> assertThat(((org.blackstart.spi.BusinessFailure) e).errorCode())
                            .isEqualTo(VendorCase.CASE_REFUSED));
            assertThat(ledger.entry(openStep().deliveryKey()).state()).isEqualTo(InMemoryDeliveryLedger.State.RELEASED);
        }

        // when the commander escalates again once the address is put right, the case is opened after all
        TaskRun again = open();
        assertThat(again.outcome()).as(again.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(again.variables()).containsEntry(VendorCase.Results.ALREADY_SENT, false);
        assertThat(sentToVendor()).singleElement().satisfies(sent ->
                assertThat(sent.getSubject()).startsWith("[Case INC-2026-0001-STORECO]"));
    }

    @Test
    void aVendorAddressRefusedForNowIsATechnicalFailureToRetry() throws Exception {
        try (RefusingSmtpServer server = new RefusingSmtpServer("450 4.2.1 mailbox busy, try later")) {
            CaseMailer mailer = mailerOn(server.port());

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailer.open(openStep()))
                    .isNotInstanceOf(org.blackstart.spi.BusinessFailure.class)
                    .hasMessageContaining("did not take the message");
            assertThat(ledger.sent()).isEmpty();
            assertThat(ledger.entry(openStep().deliveryKey()).state()).isEqualTo(InMemoryDeliveryLedger.State.RELEASED);
        }
    }
}
