package org.blackstart.plugins.vendormail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.blackstart.spi.vendor.VendorCase;

/** A StoreCo account on a GreenMail server, and e-mails as a vendor would write them. */
final class MailFixtures {

    static final String OURS = "incidents@blackstart.local";
    static final String VENDOR = "support@storeco.example";
    static final String PASSWORD = "imap-s3cret";
    static final String CASE = "INC-2026-0001-STORECO";

    private MailFixtures() {
    }

    static VendorMailProperties properties(GreenMail mail, Duration pollInterval) {
        var account = new VendorMailProperties.Account(VENDOR, List.of("ops-team@blackstart.local"), OURS, "Hosting Ops",
                new VendorMailProperties.Smtp("127.0.0.1", mail.getSmtp().getPort(), VendorMailProperties.Security.NONE,
                        null, null),
                new VendorMailProperties.Imap("127.0.0.1", mail.getImap().getPort(), false, OURS, PASSWORD, "INBOX"),
                pollInterval, "Case",
                List.of("please send", "please provide", "can you", "could you", "we need", "apply"),
                List.of("not a defect", "not our", "configuration issue", "customer environment"),
                List.of("resolved", "fixed", "has been corrected"));
        return new VendorMailProperties(true, Map.of("storeco", account), Duration.ofMinutes(2), Duration.ofSeconds(5),
                org.springframework.util.unit.DataSize.ofMegabytes(1));
    }

    /** Our mailbox, with the password the account logs in with. */
    static GreenMailUser ourMailbox(GreenMail mail) {
        return mail.setUser(OURS, OURS, PASSWORD);
    }

    static Map<String, Object> caseVariables(String step, int priority, String text) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VendorCase.Variables.VENDOR, "storeco");
        variables.put(VendorCase.Variables.VENDOR_NAME, "StoreCo");
        variables.put(VendorCase.Variables.SYSTEM, "email");
        variables.put(VendorCase.Variables.ACCOUNT, "storeco");
        variables.put(VendorCase.Variables.STEP, step);
        variables.put(VendorCase.Variables.PRIORITY, priority);
        variables.put(VendorCase.Variables.SEVERITY, "SEV2");
        variables.put(VendorCase.Variables.SUBJECT, "Array A latency above 2 s");
        variables.put(VendorCase.Variables.TEXT, text);
        return variables;
    }

    /** A plain-text e-mail from the vendor to our mailbox. */
    static MimeMessage vendorMail(String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(VENDOR, "StoreCo Support"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(OURS));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** An e-mail from the vendor with a file attached and a logo shown inline in its HTML. */
    static MimeMessage vendorMailWithFile(String subject, String text, String fileName, String fileText) throws Exception {
        MimeMessage message = vendorMail(subject, text);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mixed.addBodyPart(body);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                fileText.getBytes(StandardCharsets.UTF_8), "text/plain")));
        file.setFileName(fileName);
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        file.setHeader("Content-Transfer-Encoding", "base64");
        mixed.addBodyPart(file);
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")));
        logo.setFileName("storeco-logo.png");
        logo.setDisposition(MimeBodyPart.INLINE);
        logo.setContentID("<logo@storeco.example>");
        mixed.addBodyPart(logo);
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }
}
