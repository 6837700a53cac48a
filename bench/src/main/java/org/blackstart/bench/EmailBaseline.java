package org.blackstart.bench;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.blackstart.spi.DeliveryKey;

/**
 * The baseline of the e-mail benchmark: the plain JavaMail loop anyone would write. One Session,
 * one Transport connected once, one {@code sendMessage} per recipient, no ledger, no audience
 * table: the recipients are a list in memory. Each message has the plugin's shape: the same
 * headers (From with a name, To, Subject, Date, Content-Language, Auto-Submitted, the incident,
 * a Message-ID made from the delivery key) and multipart/alternative with a text and an HTML part.
 */
final class EmailBaseline {

    private static final String FROM = "status@hosting.example";

    private EmailBaseline() {
    }

    /** Sends one message to each of {@code recipients}; returns how many the server accepted. */
    static int send(int port, String incidentKey, String step, List<String> recipients, String subject, String text,
                    String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        int sent = 0;
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", port, null, null);
            for (String recipient : recipients) {
                String messageId = "<" + new DeliveryKey(incidentKey, step, "email", recipient).id() + "@hosting.example>";
                MimeMessage message = new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws jakarta.mail.MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
                message.setFrom(new InternetAddress(FROM, "Hosting Status", StandardCharsets.UTF_8.name()));
                message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient, true));
                message.setSubject(subject, StandardCharsets.UTF_8.name());
                message.setSentDate(new Date());
                message.setHeader("Content-Language", "en");
                message.setHeader("Auto-Submitted", "auto-generated");
                message.setHeader("X-Blackstart-Incident", incidentKey);
                MimeBodyPart textPart = new MimeBodyPart();
                textPart.setText(text, StandardCharsets.UTF_8.name(), "plain");
                MimeBodyPart htmlPart = new MimeBodyPart();
                htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
                message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                sent++;
            }
        }
        return sent;
    }
}
