package org.blackstart.plugins.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.NoticeText;

/**
 * Turns a delivery into a MIME message: multipart/alternative with the text and an HTML part
 * (derived from the text when the notice has none), and a Message-ID made from the delivery key,
 * so that a resend after a crash carries the same id and the receiving side can recognise it.
 * Status page subscribers get RFC 8058 one-click unsubscribe headers. The salutation, if any, is
 * the template's business, not this factory's. One factory serves one notice: it renders each
 * language's HTML once, not once per recipient.
 */
final class NoticeMessageFactory {

    private final EmailProperties properties;
    private final Session session = Session.getInstance(new Properties());
    private final Map<String, String> htmlByLanguage = new ConcurrentHashMap<>();

    NoticeMessageFactory(EmailProperties properties) {
        this.properties = properties;
    }

    MimeMessage compose(EmailDelivery delivery) throws MessagingException, UnsupportedEncodingException {
        var notice = delivery.notice().text(delivery.recipient().language());
        MimeMessage message = new StableIdMimeMessage(session, "<" + delivery.key().id() + "@" + properties.fromDomain() + ">");
        message.setFrom(new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name()));
        message.setRecipient(MimeMessage.RecipientType.TO, recipientAddress(delivery));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Content-Language", notice.language());
        // Out-of-office replies to a notice would only flood the sender address.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Blackstart-Incident", delivery.notice().incidentKey());
        String unsubscribe = delivery.recipient().unsubscribeUrl();
        if (unsubscribe != null && !unsubscribe.isBlank()) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribe.strip() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(notice), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** The address, strictly parsed: an address the server could not route is refused here, not sent. */
    static InternetAddress recipientAddress(EmailDelivery delivery) throws jakarta.mail.internet.AddressException {
        InternetAddress address = new InternetAddress(delivery.recipient().address(), true);
        if (address.getAddress().indexOf('@') < 1) {
            throw new jakarta.mail.internet.AddressException("no domain in address", delivery.recipient().address());
        }
        return address;
    }

    private String html(NoticeText notice) {
        if (notice.html() != null) {
            return notice.html();
        }
        return htmlByLanguage.computeIfAbsent(notice.language(), l -> HtmlFromText.render(notice.subject(), notice.text()));
    }

    /** Keeps the Message-ID it was given; JavaMail would replace it with a random one when sending. */
    private static final class StableIdMimeMessage extends MimeMessage {
        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
