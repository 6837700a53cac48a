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
import java.util.Properties;

/**
 * Turns a delivery into a MIME message: multipart/alternative with the text and an HTML part
 * (derived from the text when the notice has none), and a Message-ID made from the delivery key,
 * so that a resend after a crash carries the same id and the receiving side can recognise it.
 */
final class NoticeMessageFactory {

    private final EmailProperties properties;
    private final Session session = Session.getInstance(new Properties());

    NoticeMessageFactory(EmailProperties properties) {
        this.properties = properties;
    }

    MimeMessage compose(EmailDelivery delivery) throws MessagingException, UnsupportedEncodingException {
        var notice = delivery.notice().text(delivery.recipient().language());
        MimeMessage message = new StableIdMimeMessage(session, "<" + delivery.key().id() + "@" + properties.fromDomain() + ">");
        message.setFrom(new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(delivery.recipient().address(), true));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Content-Language", notice.language());
        // Out-of-office replies to a notice would only flood the sender address.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Blackstart-Incident", delivery.notice().incidentKey());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(notice.html() != null ? notice.html() : HtmlFromText.render(notice.subject(), notice.text()),
                StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
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
