package org.blackstart.app.demo;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/demo/mail}: what the demo mail sink received, newest first. */
@RestController
@ConditionalOnBean(DemoMailServer.class)
class DemoMailController {

    private final DemoMailServer mail;

    DemoMailController(DemoMailServer mail) {
        this.mail = mail;
    }

    @GetMapping("/api/demo/mail")
    List<ReceivedMail> received() throws Exception {
        List<ReceivedMail> result = new java.util.ArrayList<>();
        for (MimeMessage message : mail.received()) {
            result.add(new ReceivedMail(addresses(message.getAllRecipients()), addresses(message.getFrom()),
                    message.getSubject(), message.getMessageID(), message.getSentDate() == null ? null
                    : message.getSentDate().toInstant(), text(message)));
        }
        result.sort(Comparator.comparing(ReceivedMail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return result;
    }

    record ReceivedMail(String to, String from, String subject, String messageId, Instant sentAt, String text) {
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return multipart.getBodyPart(i).getContent().toString();
                }
            }
            return "";
        }
        return content.toString();
    }
}
