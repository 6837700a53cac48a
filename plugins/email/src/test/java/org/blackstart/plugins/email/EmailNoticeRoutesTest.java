package org.blackstart.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.NoticeText;
import org.blackstart.testkit.InMemoryNoticeAudience;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.TaskResult;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.LocalServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmailNoticeRoutesTest extends CamelTestSupport {

    private final GreenMail mail = LocalServers.mailServer();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private EmailProperties properties;

    private final InMemoryNoticeAudience audience = new InMemoryNoticeAudience()
            .add("INC-2026-0001", "initial", "email", NoticeRecipient.of("ann@customer.example"),
                    NoticeRecipient.of("bob@customer.example"));
    private final CustomerNotice notice = new CustomerNotice("INC-2026-0001", "initial", "investigating", "en",
            Map.of("en", new NoticeText("en", "Mail delivery delayed",
                    "Incoming mail is delayed.\n\nWe will update you within the hour.", null, "", "")), Map.of());

    @Override
    protected void setupResources() {
        mail.start();
        properties = new EmailProperties(true, "127.0.0.1", mail.getSmtp().getPort(), EmailProperties.Security.NONE,
                null, null, "status@hosting.example", "Hosting Status", Duration.ofSeconds(5), Duration.ofMinutes(2),
                List.of("own mail servers"));
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Override
    protected org.apache.camel.RoutesBuilder createRouteBuilder() {
        return new EmailNoticeRoutes(properties, new EmailDeliverySteps(ledger, audience, properties));
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    private void startWithDirectInput() throws Exception {
        AdviceWith.adviceWith(context, EmailNoticeRoutes.ROUTE_ID, route -> route.replaceFromWith("direct:notice"));
        context.start();
    }

    @Test
    void sendsOneMessagePerRecipientWithTextAndHtmlParts() throws Exception {
        startWithDirectInput();

        TaskResult result = template.requestBody("direct:notice", notice, TaskResult.class);

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("ann@customer.example", "bob@customer.example");
        MimeMessage first = received[0];
        assertThat(first.getSubject()).isEqualTo("Mail delivery delayed");
        assertThat(first.getFrom()[0].toString()).contains("status@hosting.example");
        assertThat(first.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(first.getHeader("X-Blackstart-Incident", null)).isEqualTo("INC-2026-0001");
        Multipart alternative = (Multipart) first.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("We will update you within the hour.");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) alternative.getBodyPart(1).getContent())
                .contains("<p>Incoming mail is delayed.</p>").contains("<p>We will update you within the hour.</p>");
        assertThat(result.variables()).containsEntry(EmailDeliverySteps.RESULT_RECIPIENTS, 2);
    }

    @Test
    void theMessageIdIsDerivedFromTheDeliveryKey() throws Exception {
        startWithDirectInput();

        template.sendBody("direct:notice", notice);

        String expected = "<" + new DeliveryKey("INC-2026-0001", "initial", "email", "ann@customer.example").id()
                + "@hosting.example>";
        assertThat(mail.getReceivedMessagesForDomain("ann@customer.example")[0].getMessageID()).isEqualTo(expected);
        assertThat(ledger.entry(new DeliveryKey("INC-2026-0001", "initial", "email", "ann@customer.example")).remoteReference())
                .isEqualTo(expected);
    }

    @Test
    void aRetryOfTheSameNoticeSendsNothingAgain() throws Exception {
        startWithDirectInput();
        template.sendBody("direct:notice", notice);

        template.sendBody("direct:notice", notice);

        assertThat(mail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aRetryAfterAPartialSendOnlySendsWhatIsMissing() throws Exception {
        startWithDirectInput();
        // given the worker died after Ann's message was sent and recorded
        ledger.claim(new DeliveryKey("INC-2026-0001", "initial", "email", "ann@customer.example"), Duration.ofMinutes(1));
        ledger.markSent(new DeliveryKey("INC-2026-0001", "initial", "email", "ann@customer.example"), "<earlier>");

        template.sendBody("direct:notice", notice);

        assertThat(mail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("bob@customer.example");
    }

    @Test
    void anUnreachableMailServerFailsTheTaskAndGivesTheClaimBack() throws Exception {
        startWithDirectInput();
        mail.stop();

        assertThatThrownBy(() -> template.sendBody("direct:notice", notice))
                .isInstanceOf(CamelExecutionException.class);

        assertThat(ledger.sent()).isEmpty();
        assertThat(ledger.entry(new DeliveryKey("INC-2026-0001", "initial", "email", "ann@customer.example")).state())
                .isEqualTo(InMemoryDeliveryLedger.State.RELEASED);
    }

    @Test
    void aDeliveryAnotherWorkerIsSendingIsNotSentTwice() throws Exception {
        startWithDirectInput();
        ledger.claim(new DeliveryKey("INC-2026-0001", "initial", "email", "ann@customer.example"), Duration.ofMinutes(1));

        assertThatThrownBy(() -> template.sendBody("direct:notice", notice))
                .hasStackTraceContaining("another worker is sending notice 'initial' of INC-2026-0001");

        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void htmlFromTheNoticeIsUsedAsItIs() throws Exception {
        startWithDirectInput();
        audience.clear();
        audience.add("INC-2026-0001", "initial", "email",
                new NoticeRecipient("ann@customer.example", "nl-BE", "Ann", "c-1", null));
        var withHtml = new CustomerNotice("INC-2026-0001", "initial", "investigating", "en", Map.of(
                "en", new NoticeText("en", "Outage", "Text", null, "", ""),
                "nl", new NoticeText("nl", "Storing", "Tekst", "<p><b>Storing</b></p>", "", "")), Map.of());

        template.sendBody("direct:notice", withHtml);

        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getHeader("Content-Language", null)).isEqualTo("nl");
        assertThat((String) ((Multipart) message.getContent()).getBodyPart(1).getContent()).isEqualTo("<p><b>Storing</b></p>");
    }

    @Test
    void thePasswordIsMaskedInTheProperties() {
        var withSecret = new EmailProperties(true, "smtp.example", 587, EmailProperties.Security.STARTTLS, "u", "hunter2",
                "a@b.example", "x", Duration.ofSeconds(1), Duration.ofMinutes(1), List.of());

        assertThat(withSecret.toString()).doesNotContain("hunter2");
    }
}
