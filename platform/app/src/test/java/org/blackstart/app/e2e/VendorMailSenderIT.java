package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.time.Instant;
import java.util.UUID;
import org.blackstart.app.demo.DemoMailServer;
import org.blackstart.app.vendor.cases.VendorCaseStore;
import org.blackstart.spi.vendor.MailOrigin;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;

/**
 * The attack of issue 11, replayed over the demo's real SMTP and IMAP: with StoreCo escalated, e-mails
 * that quote the case number but do not come from StoreCo's own address (a stranger; StoreCo's
 * address in the display name, Sender or Reply-To only; two From addresses; StoreCo's address with
 * DMARC failed at our mail server; a 2 MB body of '<') are parked for a person with the reason. The
 * case stays unacknowledged, nothing reaches the timeline, the SLA breach still raises the case to P1
 * and calls StoreCo's duty manager, and StoreCo's real address still reaches the case.
 */
class VendorMailSenderIT extends PlatformIT {

    private static final String VENDOR_DESK = "support@storeco.example";
    private static final String OUR_MAILBOX = "incidents@blackstart.local";

    @Autowired
    DemoMailServer mail;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    VendorInbox inbox;
    @Autowired
    VendorCaseStore cases;

    @Value("${blackstart.demo.mail.smtp-port}")
    int smtpPort;

    @Test
    void mailThatIsNotFromStoreCoIsParkedWithTheReasonAndStopsNoEscalation() throws Exception {
        // given: a SEV1 incident escalated to StoreCo, whose case e-mail went out
        Api api = api();
        VendorSteps steps = new VendorSteps(http, api);
        String key = steps.triagedIncident("Array A2 offline", "SEV1");
        assertThat(steps.escalate(key, "storeco", "Array A2 went offline.").getStatusCode().value()).isEqualTo(201);
        String caseNumber = key + "-STORECO";
        steps.awaitVendorLine(key, caseNumber);
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(VENDOR_DESK, key), m -> m.size() == 1);
        String escalation = runtime.createProcessInstanceQuery().processDefinitionKey("vendor-escalation")
                .processInstanceBusinessKey(key).singleResult().getId();
        List<String> vendorLinesBefore = vendorLines(steps, key);
        String subject = "[Case " + caseNumber + "] ok";

        // when: the attack, and its variants
        send(raw("x@evil.example", subject, "ok", ""));
        send(raw("\"support@storeco.example\" <x@evil.example>", subject, "resolved",
                "Sender: support@storeco.example\r\nReply-To: support@storeco.example\r\n"));
        send(raw("support@storeco.example, x@evil.example", subject, "resolved", ""));
        send(raw("StoreCo Support <support@storeco.example>", subject, "resolved",
                "Authentication-Results: mx.blackstart.local;\r\n\tspf=fail smtp.mailfrom=evil.example;\r\n"
                        + "\tdmarc=fail (p=reject) header.from=storeco.example\r\n"
                        + "Authentication-Results: mx.evil.example; dmarc=pass header.from=storeco.example\r\n"));
        send(rawHtml("x@evil.example", subject, "<".repeat(2 * 1024 * 1024)));

        // then: each is parked for a person, with why
        List<JsonNode> parked = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> parkedFor(steps, caseNumber), list -> list.size() == 5);
        assertThat(parked).allSatisfy(message -> {
            assertThat(message.path("state").asText()).isEqualTo("PARKED");
            assertThat(message.path("incidentKey").asText(null)).isNull();
            assertThat(message.path("vendor").asText(null)).isNull();
            // Only StoreCo's own address (the DMARC case) is read as StoreCo's account; a stranger's under none.
            assertThat(message.path("account").asText(null)).as(message.toString())
                    .isEqualTo(message.path("author").asText().contains("x@evil.example") ? null : "storeco");
        });
        assertThat(parked).extracting(m -> m.path("parkedReason").asText()).containsExactlyInAnyOrder(
                "sender x@evil.example is not one of the mail-senders of StoreCo Storage Systems",
                "sender x@evil.example is not one of the mail-senders of StoreCo Storage Systems",
                "the e-mail's From header names 2 addresses (support@storeco.example, x@evil.example); a vendor's e-mail "
                        + "has exactly one",
                "DMARC failed for support@storeco.example (our mail server's Authentication-Results): the From address "
                        + "may be forged",
                "sender x@evil.example is not one of the mail-senders of StoreCo Storage Systems");
        assertThat(parked).anySatisfy(message -> assertThat(message.path("text").asText())
                .endsWith("was cut here; the whole e-mail is in the case mailbox, folder INBOX.)"));
        assertThat(vendorMailHealth(api)).as("polling stays healthy").isEqualTo("UP");
        // and the commander's task says why, not that the case is unknown
        JsonNode fileTask = api.awaitTask("commander", "VENDOR-MSG-" + parked.get(0).path("id").asText(), "FileVendorMessage");
        assertThat(fileTask.path("name").asText()).isEqualTo("File a parked email message: " + parked.get(0).path("parkedReason").asText());

        // and nothing changed for the case: not acknowledged, no message, no timeline line, still waiting
        JsonNode storeco = steps.cases(key).get(0);
        assertThat(storeco.path("acknowledgedAt").asText(null)).isNull();
        assertThat(storeco.path("messages")).isEmpty();
        assertThat(vendorLines(steps, key)).isEqualTo(vendorLinesBefore);
        assertThat(runtime.createExecutionQuery().processInstanceId(escalation).activityId("AwaitAck").count()).isEqualTo(1);

        // when: StoreCo's response time runs out
        Job slaTimer = management.createJobQuery().processInstanceId(escalation).activityId("AckSlaExpired").timers()
                .singleResult();
        assertThat(slaTimer).as("the SLA timer still waits").isNotNull();
        management.executeJob(slaTimer.getId());

        // then: the case is raised to P1 and StoreCo's duty manager is called
        steps.awaitVendorLine(key, "missed its response time");
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(VENDOR_DESK, key), m -> m.size() == 2);
        assertThat(sentTo(VENDOR_DESK, key).get(1).getSubject()).contains("[Case " + caseNumber + "]").contains("P1");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(escalation).activityId("CallDutyManager")
                .count()).isEqualTo(1);

        // when: StoreCo writes from its own address
        send(raw("StoreCo Support <support@storeco.example>", "Re: " + subject, "We are on it: controller 0 replaced.", ""));

        // then: it reaches the case, acknowledges it and is on the timeline
        steps.awaitVendorLine(key, "controller 0 replaced");
        JsonNode answered = steps.cases(key).get(0);
        assertThat(answered.path("acknowledgedAt").asText(null)).isNotNull();
        assertThat(answered.path("messages")).singleElement()
                .satisfies(message -> assertThat(message.path("account").asText()).isEqualTo("storeco"));
    }

    @Test
    void aVendorsMailSendersAreSetThroughTheApiAndABadOneChangesNothing() {
        // given
        String vendor = """
                {"name": "MailCo", "kind": "software", "ackSla": {"SEV1": "PT15M", "SEV2": "PT1H", "SEV3": "PT4H", "SEV4": "P1D"},
                 "mailSenders": [%s]}""";

        // when
        var created = api().send("commander", HttpMethod.PUT, "/api/vendors/mailco",
                vendor.formatted("\"Desk@MailCo.example\", \"@mailco.example\""));
        var refused = api().send("commander", HttpMethod.PUT, "/api/vendors/mailco",
                vendor.formatted("\"desk@mailco.example\", \"mailco.example\""));

        // then
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("mailSenders[1]");
        JsonNode stored = api().json(api().send("agent", HttpMethod.GET, "/api/vendors/mailco", null));
        assertThat(stored.path("mailSenders").toString()).isEqualTo("[\"desk@mailco.example\",\"@mailco.example\"]");
        assertThat(api().send("commander", HttpMethod.DELETE, "/api/vendors/mailco", null).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void anEmailWithoutItsSenderOrForAVendorWithoutMailSendersIsParkedNotDelivered() {
        // given: a vendor added through the API without mail-senders, and e-mail cases of it and of StoreCo
        Api api = api();
        assertThat(api.send("commander", HttpMethod.PUT, "/api/vendors/quietco", """
                {"name": "QuietCo", "kind": "network", "ackSla": {"SEV1": "PT15M", "SEV2": "PT1H", "SEV3": "PT4H", "SEV4": "P1D"},
                 "ticketing": {"system": "email"}}""").getStatusCode().value()).isEqualTo(201);
        String key = api.declare("commander", "Uplink flapping");
        String quiet = "CS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String storeco = "CS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        cases.register(key, "quietco", "email", "quietco", quiet, null, null, null, 2, Instant.now().minusSeconds(60));
        cases.register(key, "storeco", "email", "storeco", storeco, null, null, null, 2, Instant.now().minusSeconds(60));
        List<String> vendorLinesBefore = vendorLines(new VendorSteps(http, api), key);

        // when: a sender QuietCo never named, and an e-mail handed on without its sender at all
        var fromQuietCo = inbox.receive(new VendorMessage("email", "quietco", quiet, "<q-" + quiet + "@quietco.example>",
                VendorMessage.Kind.ACKNOWLEDGED, "desk@quietco.example", "Re: " + quiet, "on it", null, Instant.now(),
                List.of(), new MailOrigin(List.of("desk@quietco.example"), "pass")));
        var withoutSender = inbox.receive(new VendorMessage("email", "storeco", storeco, "<s-" + storeco + "@storeco.example>",
                VendorMessage.Kind.RESOLVED, "StoreCo", "Re: " + storeco, "fixed", null, Instant.now(), List.of()));

        // then: both wait for a person, with why, and neither case heard of them
        assertThat(fromQuietCo).isEqualTo(VendorInbox.Outcome.PARKED);
        assertThat(withoutSender).isEqualTo(VendorInbox.Outcome.PARKED);
        assertThat(parkedFor(new VendorSteps(http, api), quiet)).singleElement().satisfies(m -> assertThat(m.path("parkedReason")
                .asText()).isEqualTo("QuietCo names no mail-senders, so no e-mail can be told to be from QuietCo"));
        assertThat(parkedFor(new VendorSteps(http, api), storeco)).singleElement().satisfies(m -> assertThat(m.path("parkedReason")
                .asText()).isEqualTo("the e-mail came without its sender, so it cannot be told to be from StoreCo Storage Systems"));
        assertThat(cases.find("email", quiet).orElseThrow().acknowledgedAt()).isNull();
        assertThat(cases.find("email", storeco).orElseThrow().acknowledgedAt()).isNull();
        assertThat(vendorLines(new VendorSteps(http, api), key)).isEqualTo(vendorLinesBefore);
    }

    private List<String> vendorLines(VendorSteps steps, String key) {
        return steps.timeline(key).stream().filter(line -> line.startsWith("VENDORS")).toList();
    }

    private List<JsonNode> parkedFor(VendorSteps steps, String caseNumber) {
        List<JsonNode> found = new ArrayList<>();
        steps.parked().forEach(message -> {
            if (caseNumber.equals(message.path("caseNumber").asText())) {
                found.add(message);
            }
        });
        return found;
    }

    private String vendorMailHealth(Api api) {
        JsonNode plugins = api.json(api.send("commander", HttpMethod.GET, "/api/plugins", null));
        for (JsonNode plugin : plugins.path("plugins")) {
            if ("vendor-mail".equals(plugin.path("descriptor").path("slug").asText())) {
                return plugin.path("health").path("status").asText();
            }
        }
        return null;
    }

    private static String raw(String from, String subject, String text, String extraHeaders) {
        return extraHeaders + "From: " + from + "\r\nTo: " + OUR_MAILBOX + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n";
    }

    private static String rawHtml(String from, String subject, String html) {
        return "From: " + from + "\r\nTo: " + OUR_MAILBOX + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n";
    }

    /** Hands a message to the demo mail server's SMTP port as any sender on the internet could. */
    private void send(String raw) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        message.saveChanges();
        Transport.send(message, new InternetAddress[] {new InternetAddress(OUR_MAILBOX)});
    }

    private List<MimeMessage> sentTo(String address, String incidentKey) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : mail.received()) {
            if (message.getAllRecipients() != null && message.getAllRecipients()[0].toString().equals(address)
                    && message.getSubject() != null && message.getSubject().contains(incidentKey)) {
                messages.add(message);
            }
        }
        return messages;
    }
}
