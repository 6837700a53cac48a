package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.blackstart.app.demo.DemoMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A storage vendor reached only by e-mail (the demo's StoreCo), over real SMTP and IMAP: the case is
 * opened with evidence, the vendor's request comes back by IMAP and becomes a task, the answer goes
 * back in the thread, and the case is closed with the incident.
 */
class EmailVendorIT extends PlatformIT {

    private static final String VENDOR_DESK = "support@storeco.example";
    private static final String OUR_MAILBOX = "incidents@blackstart.local";

    @Autowired
    DemoMailServer mail;

    @Value("${blackstart.demo.mail.smtp-port}")
    int smtpPort;

    @Test
    void aCaseOpenedByMailIsAnsweredAndClosedWithTheIncident() throws Exception {
        Api api = api();
        VendorSteps steps = new VendorSteps(http, api);
        String key = steps.triagedIncident("Storage array offline", "SEV1");

        // when the commander adds the controller log and escalates to StoreCo
        assertThat(steps.attach(key, "storeco", "controller.log", "panic: raid5 rebuild stalled".getBytes(StandardCharsets.UTF_8))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(steps.escalate(key, "storeco", "Array A1 went offline after the 7.2 patch.").getStatusCode().value())
                .isEqualTo(201);

        // then StoreCo's desk gets one e-mail with the evidence and the log, tagged with the case number
        MimeMessage opened = await().atMost(Duration.ofSeconds(30)).until(() -> to(VENDOR_DESK, key), m -> m.size() == 1).get(0);
        String caseNumber = key + "-STORECO";
        assertThat(opened.getSubject()).startsWith("[Case " + caseNumber + "] P1");
        String openedText = text(opened);
        assertThat(openedText).contains("Array A1 went offline after the 7.2 patch.", "Incident summary", key,
                "Storage array offline");
        assertThat(fileNames(opened)).containsExactly("controller.log");
        steps.awaitVendorLine(key, caseNumber);

        // when StoreCo answers in the thread, asking for more, with their analysis attached
        vendorWrites("Re: [Case " + caseNumber + "] P1 Storage array offline",
                "Thanks. Could you please send the output of 'storecli show all' for A1?", "analysis.txt");

        // then the reply is on the timeline, the case is acknowledged, and the request is a task
        steps.awaitVendorLine(key, "storecli show all");
        JsonNode request = api.awaitTask("commander", key, "AnswerVendorRequest");
        assertThat(request.path("name").asText()).isEqualTo("StoreCo Storage Systems asks on " + key
                + ": Thanks. Could you please send the output of 'storecli show all' for A1?");
        api.claimAndComplete("commander", request, Map.of("vendorAnswer", "storecli output: controller 0 FAILED, BBU degraded"));

        // and the answer goes back in the same thread
        MimeMessage answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> to(VENDOR_DESK, key), m -> m.size() == 2).get(1);
        assertThat(answer.getSubject()).contains("[Case " + caseNumber + "]");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(opened.getMessageID());
        assertThat(text(answer)).contains("controller 0 FAILED");

        // and the vendor's analysis is kept with its message, for anyone to download
        JsonNode storecoCase = steps.cases(key).get(0);
        assertThat(storecoCase.path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(storecoCase.path("acknowledgedAt").isNull()).as("the first answer acknowledges the case").isFalse();
        JsonNode message = api.json(api.send("agent", HttpMethod.GET,
                "/api/vendor-messages/" + storecoCase.path("messages").get(0).path("id").asText(), null));
        assertThat(message.path("kind").asText()).isEqualTo("REQUEST");
        JsonNode file = message.path("files").get(0);
        assertThat(file.path("fileName").asText()).isEqualTo("analysis.txt");
        assertThat(api.send("agent", HttpMethod.GET, file.path("href").asText(), null).getBody())
                .isEqualTo("Firmware 7.2 changes the rebuild scheduler.");

        // when a reply names a case nobody opened, it is parked for a person, not filed anywhere
        vendorWrites("Re: [Case INC-1999-0001-STORECO] old ticket", "Is this still an issue?", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> steps.parked().toString().contains("INC-1999-0001-STORECO"));
        assertThat(steps.timeline(key)).noneMatch(line -> line.contains("Is this still an issue?"));

        // when the incident is closed, StoreCo is told the case is closed
        steps.close(key);
        await().atMost(Duration.ofSeconds(30)).until(() -> to(VENDOR_DESK, key), m -> m.size() == 3);
        assertThat(text(to(VENDOR_DESK, key).get(2))).containsIgnoringCase("closed");
        assertThat(api.send("commander", HttpMethod.GET, "/api/vendors/storeco/stats", null).getBody()).contains("storeco");
    }

    @Test
    void aCommanderEscalatesFromTasklistsStartFormAndARefusalSaysWhy() {
        Api api = api();
        VendorSteps steps = new VendorSteps(http, api);
        String key = steps.triagedIncident("Power feed B lost in hall 2", "SEV2");

        ResponseEntity<String> started = submitEscalationForm(api, key, "hostly", "Feed B dropped at 02:10; UPS on battery.");
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        JsonNode escalations = api.json(api.send("commander", HttpMethod.GET, "/api/incidents/" + key + "/vendor-escalations", null));
        assertThat(escalations.toString()).contains("\"vendor\":\"hostly\"");

        ResponseEntity<String> again = submitEscalationForm(api, key, "hostly", "again");
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(400);
        assertThat(api.json(again).path("message").asText()).contains("already escalated to hostly");
        ResponseEntity<String> unknown = submitEscalationForm(api, key, "nobody-we-know", "");
        assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(400);
        assertThat(api.json(unknown).path("message").asText()).contains("nobody-we-know");
        assertThat(api.json(api.send("commander", HttpMethod.GET, "/api/incidents/" + key + "/vendor-escalations", null)))
                .as("refusals start nothing").hasSize(1);
    }

    private static ResponseEntity<String> submitEscalationForm(Api api, String incidentKey, String vendor, String text) {
        String body = """
                {"variables": {"incidentKey": {"value": "%s"}, "vendor": {"value": "%s"}, "vendorText": {"value": "%s"}}}"""
                .formatted(incidentKey, vendor, text);
        return api.send("commander", HttpMethod.POST, "/engine-rest/process-definition/key/escalate-to-vendor/submit-form", body);
    }

    private List<MimeMessage> to(String address, String incidentKey) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : mail.received()) {
            if (message.getAllRecipients() != null && message.getAllRecipients()[0].toString().equals(address)
                    && message.getSubject() != null && message.getSubject().contains(incidentKey)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private void vendorWrites(String subject, String text, String attachmentName) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(VENDOR_DESK, "StoreCo Support"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(OUR_MAILBOX));
        message.setSubject(subject);
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text + "\n\nOn Mon, Blackstart wrote:\n> Array A1 went offline", "UTF-8");
        parts.addBodyPart(body);
        if (attachmentName != null) {
            MimeBodyPart file = new MimeBodyPart();
            file.setFileName(attachmentName);
            file.setText("Firmware 7.2 changes the rebuild scheduler.", "UTF-8");
            file.setDisposition(Part.ATTACHMENT);
            parts.addBodyPart(file);
        }
        message.setContent(parts);
        Transport.send(message);
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            StringBuilder out = new StringBuilder();
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part child = multipart.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    out.append(text(child));
                }
            }
            return out.toString();
        }
        return "";
    }

    private static List<String> fileNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part child = multipart.getBodyPart(i);
                if (child.getFileName() != null) {
                    names.add(child.getFileName());
                }
                names.addAll(fileNames(child));
            }
        }
        return names;
    }
}
