package org.blackstart.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.ChannelUnavailable;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.NoticeText;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TaskResult;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.InMemoryNoticeAudience;
import org.blackstart.testkit.LocalServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The route against a real SMTP server: GreenMail for what a mail server normally does, and
 * {@link SmtpStub} for what GreenMail cannot be made to do (refuse one recipient, drop connections,
 * go away in the middle of a fan-out).
 */
class EmailNoticeRoutesTest extends CamelTestSupport {

    private static final String INCIDENT = "INC-2026-0001";

    private final GreenMail mail = LocalServers.mailServer();
    private final SmtpStub stub = new SmtpStub();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private EmailProperties properties;

    private final InMemoryNoticeAudience audience = new InMemoryNoticeAudience()
            .add(INCIDENT, "initial", "email", NoticeRecipient.of("ann@customer.example"),
                    NoticeRecipient.of("bob@customer.example"));
    private final CustomerNotice notice = new CustomerNotice(INCIDENT, "initial", "investigating", "en",
            Map.of("en", new NoticeText("en", "Mail delivery delayed",
                    "Incoming mail is delayed.\n\nWe will update you within the hour.", null, "", "")), Map.of());

    @Override
    protected void setupResources() {
        mail.start();
        properties = properties(mail.getSmtp().getPort(), 2, 0);
    }

    static EmailProperties properties(int port, int connections, int maxPerSecond) {
        return new EmailProperties(true, "127.0.0.1", port, EmailProperties.Security.NONE,
                null, null, "status@hosting.example", "Hosting Status", Duration.ofSeconds(5), Duration.ofMinutes(2),
                List.of("own mail servers"), connections, maxPerSecond, 3);
    }

    @AfterEach
    void stopServers() {
        mail.stop();
        stub.close();
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    /** Adds the route with the test's {@link #properties}, fed from {@code direct:notice}, and starts Camel. */
    private void startWithDirectInput() throws Exception {
        context.addRoutes(new EmailNoticeRoutes(new EmailFanOut(ledger, audience, properties)));
        AdviceWith.adviceWith(context, EmailNoticeRoutes.ROUTE_ID, route -> route.replaceFromWith("direct:notice"));
        context.start();
    }

    private TaskResult send(CustomerNotice body, int attempt) {
        return template.requestBodyAndHeader("direct:notice", body, BlackstartHeaders.TASK,
                new TaskContext("task-1", "notice.email", body.incidentKey(), "pi-1", "SendNoticeEmail", attempt, Map.of()),
                TaskResult.class);
    }

    private DeliveryKey key(String recipient) {
        return new DeliveryKey(INCIDENT, "initial", "email", recipient);
    }

    @Test
    void sendsOneMessagePerRecipientWithTextAndHtmlParts() throws Exception {
        startWithDirectInput();

        TaskResult result = send(notice, 1);

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("ann@customer.example", "bob@customer.example");
        MimeMessage first = received[0];
        assertThat(first.getSubject()).isEqualTo("Mail delivery delayed");
        assertThat(first.getFrom()[0].toString()).contains("status@hosting.example");
        assertThat(first.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(first.getHeader("X-Blackstart-Incident", null)).isEqualTo(INCIDENT);
        assertThat(first.getHeader("List-Unsubscribe")).isNull();
        Multipart alternative = (Multipart) first.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) alternative.getBodyPart(0).getContent()).startsWith("Incoming mail is delayed.")
                .contains("We will update you within the hour.");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) alternative.getBodyPart(1).getContent())
                .contains("<p>Incoming mail is delayed.</p>").contains("<p>We will update you within the hour.</p>");
        assertThat(result.variables()).containsEntry(EmailFanOut.RESULT_RECIPIENTS, 2)
                .containsEntry(CustomerNotice.Results.SENT, 2).containsEntry(CustomerNotice.Results.ALREADY_SENT, 0)
                .containsEntry(EmailFanOut.RESULT_REFUSED, 0);
    }

    @Test
    void twoThousandRecipientsInFourLanguagesEachGetOneMessageInTheirLanguage() throws Exception {
        startWithDirectInput();
        audience.clear();
        List<String> languages = List.of("en", "nl-NL", "de", "fr-BE");
        List<NoticeRecipient> recipients = IntStream.range(0, 2000)
                .mapToObj(i -> new NoticeRecipient("customer-%04d@customer.example".formatted(i),
                        languages.get(i % 4), null, "c-" + i, null))
                .toList();
        audience.add(INCIDENT, "initial", "email", recipients);
        CustomerNotice multilingual = new CustomerNotice(INCIDENT, "initial", "investigating", "en", Map.of(
                "en", new NoticeText("en", "Mail delayed", "Incoming mail is delayed.", null, "", ""),
                "nl", new NoticeText("nl", "Mail vertraagd", "Inkomende mail is vertraagd.", null, "", ""),
                "de", new NoticeText("de", "E-Mail verzögert", "Eingehende E-Mails sind verzögert.", null, "", ""),
                "fr", new NoticeText("fr", "Courriel retardé", "Le courrier entrant est retardé.", null, "", "")), Map.of());

        TaskResult result = send(multilingual, 1);

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2000);
        Map<String, String> subjectByRecipient = new HashMap<>();
        for (MimeMessage message : received) {
            assertThat(subjectByRecipient.put(message.getAllRecipients()[0].toString(), message.getSubject()))
                    .as("a second message").isNull();
        }
        Map<String, String> expected = Map.of("en", "Mail delayed", "nl-NL", "Mail vertraagd", "de", "E-Mail verzögert",
                "fr-BE", "Courriel retardé");
        for (NoticeRecipient recipient : recipients) {
            assertThat(subjectByRecipient.get(recipient.address())).as(recipient.address())
                    .isEqualTo(expected.get(recipient.language()));
        }
        assertThat(ledger.sent()).hasSize(2000);
        assertThat(result.variables()).containsEntry(EmailFanOut.RESULT_RECIPIENTS, 2000)
                .containsEntry(CustomerNotice.Results.SENT, 2000);
    }

    @Test
    void aFanOutKeepsItsConnectionsOpenAcrossMessages() throws Exception {
        stub.start();
        properties = properties(stub.port(), 2, 0);
        startWithDirectInput();
        audience.clear();
        audience.add(INCIDENT, "initial", "email", customers(300));

        send(notice, 1);

        assertThat(stub.received()).hasSize(300);
        assertThat(stub.connections()).isEqualTo(2);
    }

    @Test
    void aServerThatDropsTheConnectionMidWayGetsEveryMessageOnceOverNewConnections() throws Exception {
        stub.start().dropConnectionEvery(70);
        properties = properties(stub.port(), 2, 0);
        startWithDirectInput();
        audience.clear();
        audience.add(INCIDENT, "initial", "email", customers(500));

        TaskResult result = send(notice, 1);

        assertThat(stub.recipients()).hasSize(500).doesNotHaveDuplicates();
        assertThat(stub.connections()).isGreaterThanOrEqualTo(500 / 70);
        assertThat(ledger.sent()).hasSize(500);
        assertThat(result.variables()).containsEntry(CustomerNotice.Results.SENT, 500);
    }

    @Test
    void aRecipientRefusedForGoodIsRecordedAndTheOthersStillGetTheirMessage() throws Exception {
        stub.start().refuse("customer-0002@customer.example");
        properties = properties(stub.port(), 2, 0);
        startWithDirectInput();
        audience.clear();
        audience.add(INCIDENT, "initial", "email", customers(5));
        audience.add(INCIDENT, "initial", "email", NoticeRecipient.of("not an address"));

        TaskResult result = send(notice, 1);

        assertThat(stub.recipients()).containsExactlyInAnyOrder("customer-0000@customer.example",
                "customer-0001@customer.example", "customer-0003@customer.example", "customer-0004@customer.example");
        assertThat(result.variables()).containsEntry(EmailFanOut.RESULT_REFUSED, 2)
                .containsEntry(CustomerNotice.Results.SENT, 4).containsEntry(EmailFanOut.RESULT_RECIPIENTS, 6);
        assertThat(ledger.refused()).containsExactlyInAnyOrder(key("customer-0002@customer.example"), key("not an address"));
        assertThat(ledger.entry(key("customer-0002@customer.example")).remoteReference()).contains("550");

        // and a retry of the task does not try the refused recipient again
        TaskResult again = send(notice, 2);

        assertThat(stub.received()).hasSize(4);
        assertThat(again.variables()).containsEntry(CustomerNotice.Results.SENT, 0)
                .containsEntry(CustomerNotice.Results.ALREADY_SENT, 6);
    }

    @Test
    void aRecipientRefusedForNowFailsTheTaskAndTheRetrySendsOnlyThatOne() throws Exception {
        stub.start().defer("customer-0001@customer.example");
        properties = properties(stub.port(), 2, 0);
        startWithDirectInput();
        audience.clear();
        audience.add(INCIDENT, "initial", "email", customers(3));

        assertThatThrownBy(() -> send(notice, 1)).isInstanceOf(CamelExecutionException.class)
                .hasStackTraceContaining("1 recipients were refused for now").hasStackTraceContaining("450");
        assertThat(stub.recipients()).containsExactlyInAnyOrder("customer-0000@customer.example", "customer-0002@customer.example");
        assertThat(ledger.entry(key("customer-0001@customer.example")).state()).isEqualTo(InMemoryDeliveryLedger.State.RELEASED);

        stub.stopDeferring();
        TaskResult retry = send(notice, 2);

        assertThat(stub.recipients()).hasSize(3).doesNotHaveDuplicates();
        assertThat(retry.variables()).containsEntry(CustomerNotice.Results.SENT, 1)
                .containsEntry(CustomerNotice.Results.ALREADY_SENT, 2);
    }

    @Test
    void theRateLimitHoldsAcrossConnections() throws Exception {
        properties = properties(mail.getSmtp().getPort(), 2, 40);
        startWithDirectInput();
        audience.clear();
        audience.add(INCIDENT, "initial", "email", customers(80));

        long start = System.nanoTime();
        send(notice, 1);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // 80 messages at 40 per second: the last one's slot is at 79/40 s, whatever the machine.
        assertThat(mail.getReceivedMessages()).hasSize(80);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void underARateLimitAPageAndTheOneClaimedAheadGoOutWithinTheClaimsLease() {
        assertThat(EmailFanOut.pageSize(properties(25, 2, 0))).isEqualTo(1000);
        for (int perSecond : new int[] {1, 10, 100, 10_000}) {
            int page = EmailFanOut.pageSize(properties(25, 2, perSecond));
            assertThat(page).isBetween(1, 1000);
            // at most 1.5 pages are claimed and not yet sent; at the limit they take this long
            assertThat(Duration.ofMillis(1500L * page / perSecond)).isLessThan(Duration.ofMinutes(2));
        }
    }

    @Test
    void anUnreachableMailServerFailsTheTaskAndGivesTheClaimsBack() throws Exception {
        startWithDirectInput();
        mail.stop();

        assertThatThrownBy(() -> send(notice, 1)).isInstanceOf(CamelExecutionException.class)
                .satisfies(e -> assertThat(e.getCause()).isNotInstanceOf(ChannelUnavailable.class))
                .hasStackTraceContaining("SMTP server 127.0.0.1:" + properties.port() + " refused the connection");

        assertThat(ledger.sent()).isEmpty();
        assertThat(ledger.entry(key("ann@customer.example")).state()).isEqualTo(InMemoryDeliveryLedger.State.RELEASED);
        assertThat(ledger.entry(key("bob@customer.example")).state()).isEqualTo(InMemoryDeliveryLedger.State.RELEASED);
    }

    @Test
    void fromTheConfiguredAttemptOnAnUnreachableServerMakesTheChannelUnavailable() throws Exception {
        startWithDirectInput();
        mail.stop();

        assertThatThrownBy(() -> send(notice, 3)).isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(ChannelUnavailable.class)
                .hasMessageStartingWith("SMTP server 127.0.0.1:" + properties.port() + " refused the connection");
    }

    @Test
    void aServerThatGoesAwayMidWayKeepsWhatWasSentAndReleasesTheRest() throws Exception {
        stub.start().goAwayAfter(120);
        properties = properties(stub.port(), 2, 0);
        startWithDirectInput();
        audience.clear();
        audience.add(INCIDENT, "initial", "email", customers(400));

        assertThatThrownBy(() -> send(notice, 3)).cause().isInstanceOf(ChannelUnavailable.class)
                // "refused the connection", or "cannot be reached" when a reconnect got in as it closed
                .hasMessageStartingWith("SMTP server 127.0.0.1:" + stub.port())
                .hasMessageContaining("messages of this notice went out before");

        List<String> sent = ledger.sent().stream().map(DeliveryKey::recipient).toList();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(118);
        assertThat(stub.recipients()).containsAll(sent);
        // At most the message each connection had in flight when the server went away is uncertain.
        assertThat(stub.recipients().size() - sent.size()).isBetween(0, 2);
        List<String> claimed = new ArrayList<>();
        for (NoticeRecipient r : customers(400)) {
            var entry = ledger.entry(key(r.address()));
            if (entry != null && entry.state() == InMemoryDeliveryLedger.State.CLAIMED) {
                claimed.add(r.address());
            }
        }
        assertThat(claimed).as("claims left for their lease to expire").isEmpty();
    }

    @Test
    void aRetryOfTheSameNoticeSendsNothingAgain() throws Exception {
        startWithDirectInput();
        send(notice, 1);

        TaskResult again = send(notice, 2);

        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(again.variables()).containsEntry(CustomerNotice.Results.SENT, 0)
                .containsEntry(CustomerNotice.Results.ALREADY_SENT, 2).containsEntry(EmailFanOut.RESULT_RECIPIENTS, 2);
    }

    @Test
    void aRetryAfterAPartialSendOnlySendsWhatIsMissing() throws Exception {
        startWithDirectInput();
        // given the worker died after Ann's message was sent and recorded
        ledger.claim(key("ann@customer.example"), Duration.ofMinutes(1));
        ledger.markSent(key("ann@customer.example"), "<earlier>");

        send(notice, 2);

        assertThat(mail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("bob@customer.example");
    }

    @Test
    void aDeliveryAnotherWorkerIsSendingIsLeftToItAndTheTaskAsksToBeRetriedAfterTheLease() throws Exception {
        startWithDirectInput();
        ledger.claim(key("ann@customer.example"), Duration.ofMinutes(1));

        assertThatThrownBy(() -> send(notice, 1)).cause().isInstanceOf(RetryLater.class)
                .hasMessageContaining("1 recipients of notice 'initial' of INC-2026-0001 are being sent to by another worker")
                .satisfies(e -> assertThat(((RetryLater) e).after()).isEqualTo(Duration.ofMinutes(2)));

        assertThat(mail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("bob@customer.example");
    }

    @Test
    void theMessageIdIsDerivedFromTheDeliveryKey() throws Exception {
        startWithDirectInput();

        send(notice, 1);

        String expected = "<" + key("ann@customer.example").id() + "@hosting.example>";
        assertThat(mail.getReceivedMessagesForDomain("ann@customer.example")[0].getMessageID()).isEqualTo(expected);
        assertThat(ledger.entry(key("ann@customer.example")).remoteReference()).isEqualTo(expected);
    }

    @Test
    void subscribersGetOneClickUnsubscribeHeaders() throws Exception {
        startWithDirectInput();
        audience.clear();
        audience.add(INCIDENT, "initial", "email", new NoticeRecipient("sub@reader.example", "en", "Sub", null,
                "https://status.hosting.example/unsubscribe?token=abc"));

        send(notice, 1);

        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getHeader("List-Unsubscribe", null)).isEqualTo("<https://status.hosting.example/unsubscribe?token=abc>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat((String) ((Multipart) message.getContent()).getBodyPart(0).getContent()).doesNotContain("Sub");
    }

    @Test
    void htmlFromTheNoticeIsUsedAsItIs() throws Exception {
        startWithDirectInput();
        audience.clear();
        audience.add(INCIDENT, "initial", "email",
                new NoticeRecipient("ann@customer.example", "nl-BE", "Ann", "c-1", null));
        var withHtml = new CustomerNotice(INCIDENT, "initial", "investigating", "en", Map.of(
                "en", new NoticeText("en", "Outage", "Text", null, "", ""),
                "nl", new NoticeText("nl", "Storing", "Tekst", "<p><b>Storing</b></p>", "", "")), Map.of());

        send(withHtml, 1);

        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getHeader("Content-Language", null)).isEqualTo("nl");
        assertThat((String) ((Multipart) message.getContent()).getBodyPart(1).getContent()).isEqualTo("<p><b>Storing</b></p>");
    }

    @Test
    void thePasswordIsMaskedInTheProperties() {
        var withSecret = new EmailProperties(true, "smtp.example", 587, EmailProperties.Security.STARTTLS, "u", "hunter2",
                "a@b.example", "x", Duration.ofSeconds(1), Duration.ofMinutes(1), List.of(), 2, 0, 3);

        assertThat(withSecret.toString()).doesNotContain("hunter2");
    }

    private static List<NoticeRecipient> customers(int n) {
        return IntStream.range(0, n).mapToObj(i -> NoticeRecipient.of("customer-%04d@customer.example".formatted(i))).toList();
    }
}
