package org.blackstart.plugins.email;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.TeamMail;

/**
 * Turns a team mail to one person into a MIME message. With a calendar it is the shape Outlook and
 * Gmail show as an invitation with Accept/Decline: {@code multipart/mixed} holding a
 * {@code multipart/alternative} of the text and the {@code text/calendar; method=REQUEST} part, and
 * the same calendar as an {@code invite.ics} attachment for clients that only offer files.
 */
final class TeamMailMessageFactory {

    static final String CALENDAR_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";

    private final EmailProperties properties;
    private final Session session = Session.getInstance(new Properties());

    TeamMailMessageFactory(EmailProperties properties) {
        this.properties = properties;
    }

    MimeMessage compose(TeamMail mail, TeamMail.Recipient recipient, DeliveryKey key)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new StableIdMimeMessage(session, "<" + key.id() + "@" + properties.fromDomain() + ">");
        message.setFrom(new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name()));
        message.setRecipient(MimeMessage.RecipientType.TO, address(recipient));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Blackstart-Incident", mail.incidentKey());
        if (mail.calendar() == null) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        } else {
            message.setContent(withInvitation(mail));
        }
        message.saveChanges();
        return message;
    }

    private static MimeMultipart withInvitation(TeamMail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(
                mail.calendar().getBytes(StandardCharsets.UTF_8), CALENDAR_TYPE)));
        calendar.setHeader("Content-Type", CALENDAR_TYPE);
        MimeMultipart alternative = new MimeMultipart("alternative", text, calendar);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);

        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(
                mail.calendar().getBytes(StandardCharsets.UTF_8), "application/ics; name=invite.ics")));
        attachment.setFileName("invite.ics");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        return new MimeMultipart("mixed", body, attachment);
    }

    /**
     * Exactly one plain address, strictly parsed: an identity store's e-mail field holding two addresses
     * or a line break with a header behind it is refused here, never sent.
     */
    static InternetAddress address(TeamMail.Recipient recipient) throws AddressException, UnsupportedEncodingException {
        String raw = recipient.address();
        if (raw.chars().anyMatch(c -> Character.isISOControl(c) || c == ',' || c == ';')) {
            throw new AddressException("not one plain address", raw);
        }
        InternetAddress[] parsed = InternetAddress.parse(raw, true);
        if (parsed.length != 1 || parsed[0].isGroup() || parsed[0].getAddress().indexOf('@') < 1
                || !parsed[0].getAddress().equals(raw.strip())) {
            throw new AddressException("not one plain address", raw);
        }
        InternetAddress address = parsed[0];
        if (recipient.name() != null) {
            address.setPersonal(recipient.name(), StandardCharsets.UTF_8.name());
        }
        return address;
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
