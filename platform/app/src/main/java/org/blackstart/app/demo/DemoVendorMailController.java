package org.blackstart.app.demo;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/demo/vendor-mail}: play the vendor. Sends, as the vendor's support address, an
 * e-mail to the case mailbox through the demo mail server, exactly as the vendor's own mail system
 * would; the vendor-mail plugin reads it at its next poll. Without a case number the e-mail has no
 * case tag, and the platform parks it for a person to file.
 */
@RestController
@ConditionalOnExpression("${blackstart.demo.enabled:false} and ${blackstart.demo.mail.enabled:false}")
class DemoVendorMailController {

    private static final String ACCOUNTS = "blackstart.plugins.vendor-mail.accounts.";

    private final Environment environment;
    private final DemoProperties demo;

    DemoVendorMailController(Environment environment, DemoProperties demo) {
        this.environment = environment;
        this.demo = demo;
    }

    /**
     * @param vendor         the vendor's id, e.g. {@code storeco}
     * @param caseNumber     the case number to reply to, e.g. {@code INC-2026-0001-STORECO}; none for a stray e-mail
     * @param text           what the vendor writes ("Please send the controller logs")
     * @param attachmentName a file to attach, e.g. {@code analysis.txt}
     * @param attachmentText its content
     */
    record VendorReply(@NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be a vendor id such as storeco") String vendor,
                       @Size(max = 120) @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be a case number such as INC-2026-0001-STORECO")
                       String caseNumber,
                       @NotBlank @Size(max = 20_000) String text,
                       @Size(max = 200) String attachmentName,
                       @Size(max = 1_000_000) String attachmentText) {
    }

    record SentReply(String from, String to, String subject, String messageId) {
    }

    @PostMapping("/api/demo/vendor-mail")
    ResponseEntity<SentReply> reply(@Valid @RequestBody VendorReply reply) {
        String account = ACCOUNTS + reply.vendor() + ".";
        String vendorAddress = environment.getProperty(account + "to");
        String mailbox = environment.getProperty(account + "from");
        if (vendorAddress == null || mailbox == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "vendor '" + reply.vendor()
                    + "' is not an e-mail vendor here (no " + account + "to); the demo has storeco and hostly");
        }
        String tag = environment.getProperty(account + "case-tag", "Case");
        String subject = reply.caseNumber() == null || reply.caseNumber().isBlank()
                ? "Question from " + reply.vendor() + " support"
                : "Re: [" + tag + " " + reply.caseNumber().strip() + "]";
        try {
            MimeMessage message = compose(reply, vendorAddress, mailbox, subject);
            Transport.send(message);
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new SentReply(vendorAddress, mailbox, subject, message.getMessageID()));
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the demo mail server did not take the e-mail: " + e.getMessage(), e);
        }
    }

    private MimeMessage compose(VendorReply reply, String vendorAddress, String mailbox, String subject)
            throws MessagingException, UnsupportedEncodingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(demo.mail().smtpPort()));
        smtp.put("mail.smtp.connectiontimeout", "5000");
        smtp.put("mail.smtp.timeout", "5000");
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress(vendorAddress, reply.vendor() + " support", StandardCharsets.UTF_8.name()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mailbox));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        boolean withFile = reply.attachmentText() != null && !reply.attachmentText().isEmpty();
        if (!withFile) {
            message.setText(reply.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(reply.text(), StandardCharsets.UTF_8.name());
            mixed.addBodyPart(body);
            MimeBodyPart file = new MimeBodyPart();
            file.setText(reply.attachmentText(), StandardCharsets.UTF_8.name());
            file.setFileName(reply.attachmentName() == null || reply.attachmentName().isBlank()
                    ? "attachment.txt" : reply.attachmentName().strip());
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(file);
            message.setContent(mixed);
        }
        // Gives the message a Message-ID, as the vendor's own mail system would.
        message.saveChanges();
        return message;
    }
}
