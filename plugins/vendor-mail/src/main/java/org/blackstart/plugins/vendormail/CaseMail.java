package org.blackstart.plugins.vendormail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
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
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;

/**
 * The e-mails of one case. Every one carries the case number in its subject ({@code [Case N]}),
 * which is how the vendor's answers find their way back, and a Message-ID made from the step's
 * delivery key and the case number, so a resend after a crash is the same message. Answers and the close are replies
 * to the opening message (In-Reply-To, References), so the vendor's mail client shows one thread.
 */
final class CaseMail {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final VendorMailProperties.Account account;
    private final CaseNumbers numbers;
    private final Session session = Session.getInstance(new Properties());

    CaseMail(VendorMailProperties.Account account) {
        this.account = account;
        this.numbers = new CaseNumbers(account.caseTag());
    }

    /**
     * {@code <sha256-of-the-key.CASE-NUMBER@our-domain>}: the same for every attempt of one step, and
     * naming the case, so a reply whose subject lost the case tag still finds it by In-Reply-To.
     */
    String messageId(DeliveryKey key, String caseNumber) {
        return "<" + key.id() + "." + caseNumber + "@" + account.fromDomain() + ">";
    }

    /** The Message-ID the case was opened with, which later messages reply to. */
    String openingMessageId(VendorCase step) {
        if (step.caseId() != null && step.caseId().startsWith("<") && step.caseId().endsWith(">")) {
            return step.caseId();
        }
        VendorCase open = new VendorCase(step.incidentKey(), step.vendor(), step.vendorName(), step.system(),
                step.account(), "open", null, null, step.priority(), step.severity(), step.subject(), "");
        return messageId(open.deliveryKey(), CaseNumbers.of(open));
    }

    /** {@code [Case N] P2 <subject>}, the evidence in the text, the files attached. */
    MimeMessage open(VendorCase step, String caseNumber, EvidenceBundle evidence) throws MessagingException {
        String subject = numbers.subjectTag(caseNumber) + " " + step.priorityLabel() + " " + step.subject();
        return compose(step, caseNumber, subject.strip(), evidence.describe(step.text()), evidence, null);
    }

    /** A reply in the case's thread: an answer, more evidence, a raised priority ({@code P1} in the subject). */
    MimeMessage update(VendorCase step, String caseNumber, EvidenceBundle evidence) throws MessagingException {
        String subject = "Re: " + numbers.subjectTag(caseNumber) + " " + step.priorityLabel() + " " + step.subject();
        return compose(step, caseNumber, subject.strip(), evidence.describe(step.text()), evidence, openingMessageId(step));
    }

    /** "Case N closed by <us>: incident resolved", in the case's thread. */
    MimeMessage close(VendorCase step, String caseNumber, EvidenceBundle evidence) throws MessagingException {
        String closed = "Case " + caseNumber + " closed by " + account.fromName() + ": incident resolved";
        String subject = "Re: " + numbers.subjectTag(caseNumber) + " Closed by " + account.fromName() + ": incident resolved";
        return compose(step, caseNumber, subject, evidence.describe(closed + (step.text().isBlank() ? "" : "\n\n" + step.text())),
                evidence, openingMessageId(step));
    }

    private MimeMessage compose(VendorCase step, String caseNumber, String subject, String text, EvidenceBundle evidence,
                                String inReplyTo) throws MessagingException {
        MimeMessage message = new StableIdMimeMessage(session, messageId(step.deliveryKey(), caseNumber));
        try {
            message.setFrom(new InternetAddress(account.from(), account.fromName(), UTF_8));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is required by every Java runtime", e);
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(account.to(), true));
        for (String cc : account.cc()) {
            message.addRecipient(MimeMessage.RecipientType.CC, new InternetAddress(cc, true));
        }
        message.setSubject(subject, UTF_8);
        message.setSentDate(new Date());
        message.setHeader("X-Blackstart-Incident", step.incidentKey());
        message.setHeader("X-Blackstart-Case", caseNumber);
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        if (evidence.attachments().isEmpty()) {
            message.setText(text, UTF_8, "plain");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, UTF_8, "plain");
            mixed.addBodyPart(body);
            for (VendorAttachment file : evidence.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
                part.setFileName(file.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                // Base64 keeps a log's bytes as they are; a text encoding would turn its line ends into CRLF.
                part.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
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
