package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.app.notice.catchup.MailReturnWatch;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.mastodon.MastodonApiSimulation;
import org.blackstart.testkit.x.XApiSimulation;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mail-provider story from issue 15: the provider's own SMTP server is down, so the first notice and the
 * monitoring update reach customers only by X, Mastodon and the status page, and a visitor's status page subscription
 * waits for its confirmation. SMTP comes back: the confirmation arrives once, and an agent approves the catch-up, after
 * which each customer who reads only e-mail gets the latest notice exactly once, never the outdated first one. A
 * second check and a second catch-up send nothing more; an on-call engineer cannot approve it. The storage vendor's
 * case, kept open when the incident closes, still takes the vendor's dispute afterwards.
 */
// Own context, closed after the class: X and Mastodon accounts, and an SMTP server that starts only mid-story.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailProviderStoryIT {

    private static final int SMTP_PORT = LocalServers.freeLoopbackPort();
    private static final XApiSimulation X = XApiSimulation.start();
    private static final MastodonApiSimulation MASTODON = MastodonApiSimulation.start();
    private static final String ENGINE = "mailStoryIt";
    private static final List<String> EMAIL_ONLY = List.of("ann@mailstory.example", "bert@mailstory.example",
            "chloe@mailstory.example");
    private static final String SUBSCRIBER = "visitor@mailstory.example";

    private static GreenMail smtp;

    @DynamicPropertySource
    static void story(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-mailstory-it;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
        registry.add("blackstart.demo.mail.enabled", () -> "false");
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
        registry.add("blackstart.bridge.retries", () -> "2");
        registry.add("blackstart.bridge.retry-backoff", () -> "500ms");

        registry.add("blackstart.statuspage.components[0].id", () -> "hosting");
        registry.add("blackstart.statuspage.components[0].name", () -> "Web hosting");
        registry.add("blackstart.statuspage.mail-retry.first-wait", () -> "2s");
        registry.add("blackstart.statuspage.mail-retry.max-wait", () -> "5s");

        registry.add("blackstart.plugins.email.port", () -> SMTP_PORT);
        // the demo vendors' mail accounts send through the provider's own SMTP server too
        registry.add("blackstart.demo.mail.smtp-port", () -> SMTP_PORT);
        registry.add("blackstart.plugins.email.unavailable-after-attempts", () -> "2");
        // Refused at once while nothing listens; short, should anything else take the port meanwhile.
        registry.add("blackstart.plugins.email.timeout", () -> "2s");
        registry.add("blackstart.notices.catch-up.check-interval", () -> "500ms");
        registry.add("blackstart.notices.catch-up.retry-wait", () -> "2s");

        registry.add("blackstart.plugins.x.enabled", () -> "true");
        registry.add("blackstart.plugins.x.account", () -> "hostingstatus");
        registry.add("blackstart.plugins.x.client-id", () -> XApiSimulation.CLIENT_ID);
        registry.add("blackstart.plugins.x.client-secret", () -> XApiSimulation.CLIENT_SECRET);
        registry.add("blackstart.plugins.x.refresh-token", () -> XApiSimulation.FIRST_REFRESH_TOKEN);
        registry.add("blackstart.plugins.x.api-base-url", () -> X.baseUrl().toString());

        registry.add("blackstart.plugins.mastodon.enabled", () -> "true");
        registry.add("blackstart.plugins.mastodon.instance-url", () -> MASTODON.baseUrl().toString());
        registry.add("blackstart.plugins.mastodon.access-token", () -> MastodonApiSimulation.ACCESS_TOKEN);
    }

    @AfterAll
    static void stopServers() {
        if (smtp != null) {
            smtp.stop();
        }
        X.close();
        MASTODON.close();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    MailReturnWatch watch;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.blackstart.spi.vendor.VendorInbox inbox;

    @Test
    void whenMailComesBackEachEmailOnlyCustomerGetsTheLatestNoticeOnceAfterAnAgentApproves() throws Exception {
        Api api = new Api(http, ENGINE);
        // given three customers of the hosting service who read only e-mail, one who follows X, and no SMTP server
        ResponseEntity<String> imported = importCsv("""
                id,name,email,phone,language,region,services,channels,key_account
                ann,Ann Archer,ann@mailstory.example,,en,eu-west,hosting,email,false
                bert,Bert Bakker,bert@mailstory.example,,nl,eu-west,hosting,email,false
                chloe,Chloe Chen,chloe@mailstory.example,,en-GB,eu-west,hosting,email,false
                dan,Dan Doe,dan@mailstory.example,,en,eu-west,hosting,x,false
                """);
        assertThat(api.json(imported).path("imported").asInt()).isEqualTo(4);

        // when the incident's first notice goes out while the own mail servers are down
        String key = api.declare("commander", "Hosting and mail down at the provider");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "hosting", "customerImpact", "Websites and mailboxes do not load."));
        JsonNode initial = api.awaitTask("agent", key, "ReviewNotice");
        String initialSubject = text(formVariables(api, "agent", initial), "notice_en_subject");
        api.claimAndComplete("agent", initial, Map.of("noticeDecision", "send"));

        // then it reaches customers by X, Mastodon and the status page, and the e-mail is recorded as skipped
        await().atMost(Duration.ofSeconds(60)).until(() -> X.published().size() == 1 && MASTODON.statuses().size() == 1);
        await().atMost(Duration.ofSeconds(90)).until(() -> notices(api, key),
                lines -> lines.stream().anyMatch(l -> l.startsWith("initial notice: e-mail unavailable (own mail servers")));
        assertThat(publicPage("/status/incidents/" + key)).contains("Hosting and mail down at the provider");

        // and a visitor subscribes to the status page meanwhile: the confirmation cannot go out yet
        ResponseEntity<String> subscribed = postForm("/status/subscribe", "email=" + SUBSCRIBER + "&components=hosting");
        assertThat(subscribed.getStatusCode().value()).isEqualTo(200);

        // when the commander mitigates and the monitoring update goes out while mail is still down
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Mitigate"), Map.of(
                "mitigationSummary", "Storage failed over to the second array", "mitigationNotice", "monitoring"));
        JsonNode monitoring = api.awaitTask("agent", key, "ReviewNotice");
        JsonNode monitoringDraft = formVariables(api, "agent", monitoring);
        Map<String, String> latestSubjects = Map.of("en", text(monitoringDraft, "notice_en_subject"),
                "nl", text(monitoringDraft, "notice_nl_subject"));
        assertThat(latestSubjects.get("en")).isNotBlank().isNotEqualTo(initialSubject);
        api.claimAndComplete("agent", monitoring, Map.of("noticeDecision", "send"));
        await().atMost(Duration.ofSeconds(60)).until(() -> X.published().size() == 2 && MASTODON.statuses().size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> notices(api, key),
                lines -> lines.stream().anyMatch(l -> l.startsWith("monitoring notice: e-mail skipped")));
        assertThat(api.task("agent", key, "ApproveCatchUp")).as("no catch-up while mail is down").isNull();

        // when the SMTP server comes back
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        // then the visitor's confirmation arrives, once
        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(SUBSCRIBER).size() == 1);

        // and the agents get one catch-up task showing the monitoring notice, not the first one
        JsonNode catchUp = api.awaitTask("agent", key, "ApproveCatchUp");
        assertThat(catchUp.path("name").asText())
                .isEqualTo("Mail is back: send " + key + "'s latest notice to 3 customers who missed it");
        JsonNode shown = formVariables(api, "agent", catchUp);
        assertThat(text(shown, "catchUpSubject")).isEqualTo(latestSubjects.get("en"));
        assertThat(text(shown, "catchUpSample")).contains("ann@mailstory.example", "bert@mailstory.example",
                "chloe@mailstory.example").doesNotContain("dan@mailstory.example");
        Thread.sleep(1000);
        assertThat(EMAIL_ONLY).allSatisfy(address -> assertThat(messagesTo(address)).as("nothing before the agent approves").isEmpty());

        // when an on-call engineer, not an agent, tries to approve it
        String variablesBefore = api.send("admin", HttpMethod.GET,
                api.engine("/process-instance/" + catchUp.path("processInstanceId").asText() + "/variables"), null).getBody();
        ResponseEntity<String> refused = api.claimAndComplete("oncall-1", catchUp, Map.of("catchUpDecision", "approve"));

        // then it is refused and nothing changed or went out
        assertThat(refused.getStatusCode().is4xxClientError()).as(refused.getBody()).isTrue();
        assertThat(api.task("agent", key, "ApproveCatchUp").path("id").asText()).isEqualTo(catchUp.path("id").asText());
        assertThat(api.send("admin", HttpMethod.GET,
                api.engine("/process-instance/" + catchUp.path("processInstanceId").asText() + "/variables"), null).getBody())
                .isEqualTo(variablesBefore);
        Thread.sleep(1000);
        assertThat(EMAIL_ONLY).allSatisfy(address -> assertThat(messagesTo(address)).isEmpty());

        // when the agent approves
        assertThat(api.claimAndComplete("agent", catchUp, Map.of("catchUpDecision", "approve")).getStatusCode().value())
                .isEqualTo(204);

        // then each e-mail-only customer gets the latest notice exactly once, in their language, and never the first one
        await().atMost(Duration.ofSeconds(60)).until(() -> EMAIL_ONLY.stream().allMatch(a -> messagesTo(a).size() == 1));
        assertThat(messagesTo("ann@mailstory.example").get(0).getSubject()).isEqualTo(latestSubjects.get("en"));
        assertThat(messagesTo("chloe@mailstory.example").get(0).getSubject()).isEqualTo(latestSubjects.get("en"));
        assertThat(messagesTo("bert@mailstory.example").get(0).getSubject()).isEqualTo(latestSubjects.get("nl"));
        assertThat(messagesTo("dan@mailstory.example")).as("Dan reads X, and got both posts there").isEmpty();
        assertThat(smtp.getReceivedMessages()).noneMatch(m -> subject(m).equals(initialSubject));
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(api, key),
                lines -> lines.contains("Catch-up sent: 3 delivered, 0 failed"));

        // when the agent's approval is sent again, the watch checks again, and a second catch-up is approved
        ResponseEntity<String> twice = api.complete("agent", catchUp.path("id").asText(), Map.of("catchUpDecision", "approve"));
        int started = watch.check();
        runtime.startProcessInstanceByKey("notice-catchup", key, Map.of("catchUpNotice", "monitoring", "catchUpCount", 0));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ApproveCatchUp"), Map.of("catchUpDecision", "approve"));
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("notice-catchup").processInstanceBusinessKey(key).count() == 0);
        Thread.sleep(1500);

        // then nothing more is sent, and no further catch-up is asked for
        assertThat(twice.getStatusCode().is2xxSuccessful()).as("the task is gone: %s", twice.getStatusCode()).isFalse();
        assertThat(started).isZero();
        assertThat(EMAIL_ONLY).allSatisfy(address -> assertThat(messagesTo(address)).hasSize(1));
        assertThat(messagesTo(SUBSCRIBER)).hasSize(1);
        assertThat(api.task("agent", key, "ApproveCatchUp")).isNull();

        // when the commander escalates to the storage vendor, whose case is opened by e-mail now that mail works
        VendorSteps vendor = new VendorSteps(http, api);
        ResponseEntity<String> escalated = vendor.escalate(key, "storeco", "Array A3 failed after your firmware patch.");
        assertThat(escalated.getStatusCode().value()).as(escalated.getBody()).isEqualTo(201);
        String caseNumber = await().atMost(Duration.ofSeconds(60)).until(() -> vendor.cases(key), c -> c.size() == 1)
                .get(0).path("caseNumber").asText();

        // and the incident is resolved now that mail works
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Resolve"),
                Map.of("resolutionSummary", "The storage vendor's patch is in and mail flows."));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        JsonNode closed = api.closeEarly("commander", key, Duration.ofSeconds(90));

        // then the resolved notice goes by e-mail at once, not skipped for an outage that is over
        await().atMost(Duration.ofSeconds(30)).until(() -> EMAIL_ONLY.stream().allMatch(a -> messagesTo(a).size() == 2));
        List<String> lines = notices(closed);
        assertThat(lines).anyMatch(l -> l.startsWith("Mail is back: 3 customers missed notices by e-mail"));
        assertThat(lines).contains("Catch-up approved by agent: 3 customers", "Catch-up sent: 3 delivered, 0 failed",
                "resolved notice sent by e-mail to 3 of 3 recipients");
        assertThat(lines).noneMatch(l -> l.startsWith("resolved notice: e-mail"));


        // when closing asks about the vendor's open case, and the commander keeps it: the vendor blames us
        vendor.decideKeep(key, "keep", "StoreCo says the fault is ours; we hold them to it");

        // then the kept case still takes the vendor's dispute, weeks of it, after the incident closed
        JsonNode kept = vendor.cases(key).get(0);
        assertThat(kept.path("state").asText()).isEqualTo("OPEN");
        assertThat(kept.path("keptAfterClose").asBoolean()).isTrue();
        JsonNode dispute = vendor.keptCaseTakesTheVendorsDispute(inbox, key, caseNumber,
                "This is not a fault of our array. The problem is in your configuration.");
        assertThat(dispute.path("name").asText()).contains(key);
    }

    private ResponseEntity<String> importCsv(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv"));
        headers.setBasicAuth("agent", "agent");
        return http.exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(csv, headers), String.class);
    }

    private ResponseEntity<String> postForm(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private String publicPage(String path) {
        return http.getForObject(path, String.class);
    }

    private JsonNode formVariables(Api api, String user, JsonNode task) {
        return api.json(api.send(user, HttpMethod.GET, api.engine("/task/" + task.path("id").asText() + "/form-variables"), null));
    }

    private static String text(JsonNode variables, String name) {
        return variables.path(name).path("value").asText();
    }

    private static List<String> notices(Api api, String key) {
        return notices(api.incident("commander", key));
    }

    private static List<String> notices(JsonNode incident) {
        List<String> lines = new ArrayList<>();
        incident.path("timeline").forEach(e -> {
            if ("NOTICES".equals(e.path("kind").asText())) {
                lines.add(e.path("detail").asText());
            }
        });
        return lines;
    }

    private static List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> messages = new ArrayList<>();
        if (smtp == null) {
            return messages;
        }
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (address.equalsIgnoreCase(message.getAllRecipients()[0].toString())) {
                    messages.add(message);
                }
            } catch (jakarta.mail.MessagingException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
        return messages;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
