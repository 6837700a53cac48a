package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.mastodon.MastodonApiSimulation;
import org.blackstart.testkit.twilio.TwilioApiSimulation;
import org.blackstart.testkit.x.XApiSimulation;
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
 * The storage-vendor outage, as customers hear of it: a SEV1 incident of the hosting service
 * reaches exactly its customers, each in their language and on their channels, only after the
 * support agent and the commander approved it; the status page and its Atom feed show it; the key
 * account gets a phone task. Then the provider's own mail system goes down: the resolved notice
 * still goes out by SMS, X, Mastodon and the status page, and the timeline says what was skipped.
 * Real SMTP (GreenMail); X, Mastodon and Twilio simulated from their API references.
 */
// Own context, closed after the class: it stops its own SMTP server, and Camunda registers engines JVM-wide.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerCommunicationIT {

    private static final GreenMail SMTP = LocalServers.startedMailServer();
    private static final TwilioApiSimulation TWILIO = TwilioApiSimulation.start();
    private static final XApiSimulation X = XApiSimulation.start();
    private static final MastodonApiSimulation MASTODON = MastodonApiSimulation.start();
    private static final String AMSTERDAM_PHONE = "+31205550201";
    private static final String BERLIN_PHONE = "+49305550203";

    @DynamicPropertySource
    static void outage(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-comms-it;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.process-engine-name", () -> "commsIt");
        registry.add("blackstart.demo.mail.enabled", () -> "false");
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
        registry.add("blackstart.bridge.retries", () -> "2");
        registry.add("blackstart.bridge.retry-backoff", () -> "500ms");

        registry.add("blackstart.statuspage.components[0].id", () -> "hosting");
        registry.add("blackstart.statuspage.components[0].name", () -> "Web hosting");
        registry.add("blackstart.statuspage.components[1].id", () -> "dns");
        registry.add("blackstart.statuspage.components[1].name", () -> "DNS");

        registry.add("blackstart.plugins.email.port", () -> SMTP.getSmtp().getPort());
        registry.add("blackstart.plugins.email.unavailable-after-attempts", () -> "2");

        registry.add("blackstart.plugins.twilio.enabled", () -> "true");
        registry.add("blackstart.plugins.twilio.account-sid", () -> TwilioApiSimulation.ACCOUNT_SID);
        registry.add("blackstart.plugins.twilio.auth-token", () -> TwilioApiSimulation.AUTH_TOKEN);
        registry.add("blackstart.plugins.twilio.from-number", () -> TwilioApiSimulation.FROM);
        registry.add("blackstart.plugins.twilio.api-base-url", () -> TWILIO.baseUrl().toString());
        registry.add("blackstart.plugins.twilio.public-base-url", () -> "https://blackstart.example.org");

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
    static void stopSimulations() {
        SMTP.stop();
        TWILIO.close();
        X.close();
        MASTODON.close();
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aSev1NoticeReachesExactlyTheAffectedCustomersInTheirLanguagesAndFallsBackWhenMailIsDown() throws Exception {
        Api api = new Api(http, "commsIt");
        // given the customer directory: four customers of hosting in four languages, one key account, one of DNS only
        ResponseEntity<String> imported = importCsv("""
                id,name,email,phone,language,region,services,channels,key_account
                ams-web,Amsterdam Web,info@amsterdam-web.example,%s,nl,eu-west,hosting,email;sms,true
                berlin-shop,Berlin Shop,it@berlin-shop.example,%s,de-DE,eu-central,hosting;dns,email;sms,false
                paris-agence,Paris Agence,contact@paris-agence.example,,fr,eu-west,hosting,email;statuspage,false
                london-ltd,London Ltd,ops@london-ltd.example,,en-GB,eu-west,hosting,email;x,false
                dns-only,Only DNS BV,dns@only-dns.example,+31205550299,nl,eu-west,dns,email;sms,true
                broken-row,,not-an-address,,nl,eu-west,hosting,email,false
                """.formatted(AMSTERDAM_PHONE, BERLIN_PHONE));
        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        assertThat(api.json(imported).path("imported").asInt()).isEqualTo(5);
        assertThat(api.json(imported).path("rejected")).hasSize(1);

        // when the commander declares and triages a SEV1 of the hosting service
        String key = api.declare("commander", "Hosting platform unavailable");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV1",
                "affectedServices", "hosting", "customerImpact", "Websites on our shared hosting do not load."));

        // then the agent reviews a draft in every language of the audience, for every channel that works
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        JsonNode draft = formVariables(api, "agent", review);
        assertThat(text(draft, "notice_nl_subject")).isEqualTo("Storing: Hosting platform unavailable (" + key + ")");
        assertThat(text(draft, "notice_de_subject")).startsWith("Störung: ");
        assertThat(text(draft, "notice_fr_subject")).startsWith("Incident : ");
        assertThat(text(draft, "notice_en_subject")).startsWith("Disruption: ");
        assertThat(text(draft, "notice_x")).contains("/status/incidents/" + key);
        for (String channel : List.of("email", "sms", "x", "mastodon", "statuspage")) {
            assertThat(draft.path("noticeCan_" + channel).path("value").asBoolean()).as("channel %s offered", channel).isTrue();
        }
        assertThat(text(draft, "noticeAudienceSummary")).contains("4 customers of hosting").contains("4 by e-mail")
                .contains("2 by SMS").contains("1 key account to call");
        api.claimAndComplete("agent", review, Map.of("noticeDecision", "send",
                "notice_en_text", text(draft, "notice_en_text") + "\n\nWe are sorry for the trouble."));

        // and nothing goes out before the commander approves the SEV1 notice
        JsonNode approval = api.awaitTask("commander", key, "ApproveNotice");
        Thread.sleep(1000);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(X.published()).isEmpty();
        api.claimAndComplete("commander", approval, Map.of("noticeApproval", "approve"));

        // then exactly the four hosting customers get one e-mail each, in their language
        await().atMost(Duration.ofSeconds(60)).until(() -> SMTP.getReceivedMessages().length, n -> n >= 4);
        Map<String, String> subjects = subjectsByRecipient();
        assertThat(subjects).containsOnlyKeys("info@amsterdam-web.example", "it@berlin-shop.example",
                "contact@paris-agence.example", "ops@london-ltd.example");
        assertThat(subjects.get("info@amsterdam-web.example")).startsWith("Storing: ");
        assertThat(subjects.get("it@berlin-shop.example")).startsWith("Störung: ");
        assertThat(subjects.get("contact@paris-agence.example")).startsWith("Incident : ");
        assertThat(subjects.get("ops@london-ltd.example")).startsWith("Disruption: ");
        assertThat(bodyOf("ops@london-ltd.example")).contains("We are sorry for the trouble.");

        // and the SMS customers a text in theirs, X and Mastodon one post each, the status page and feed the update
        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(AMSTERDAM_PHONE).size() + smsTo(BERLIN_PHONE).size() == 2);
        assertThat(smsTo(AMSTERDAM_PHONE).get(0)).contains("storing");
        assertThat(smsTo(BERLIN_PHONE).get(0)).contains("Störung");
        assertThat(smsTo("+31205550299")).as("DNS is not affected").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> X.published().size() == 1 && MASTODON.statuses().size() == 1);
        assertThat(X.published().get(0)).contains("/status/incidents/" + key);
        assertThat(MASTODON.requests().get(0).getHeader("Idempotency-Key")).hasSize(64);
        await().atMost(Duration.ofSeconds(30)).until(() -> publicPage("/status"), page -> page.contains("Hosting platform unavailable"));
        assertThat(publicPage("/status/feed.atom")).contains("Hosting platform unavailable");

        // and the key account is for an agent to phone, with the script in Dutch
        JsonNode call = api.awaitTask("agent", key, "CallCustomer");
        assertThat(call.path("name").asText()).isEqualTo("Call Amsterdam Web about " + key + ": Hosting platform unavailable");
        assertThat(text(formVariables(api, "agent", call), "callScript")).contains("Goedendag");
        assertThat(text(formVariables(api, "agent", call), "customerPhone")).isEqualTo(AMSTERDAM_PHONE);

        // when the provider's own mail servers go down, and the incident is resolved
        SMTP.stop();
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Mitigate"), Map.of("mitigationSummary", "Storage failed over"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Resolve"), Map.of("resolutionSummary", "Vendor patch applied"));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "ApproveNotice"), Map.of("noticeApproval", "approve"));

        // then the notice still goes out on every channel that does not need the mail servers
        JsonNode closed = api.closeEarly("commander", key, Duration.ofSeconds(90));
        assertThat(smsTo(AMSTERDAM_PHONE)).hasSize(2);
        assertThat(smsTo(AMSTERDAM_PHONE).get(1)).containsIgnoringCase("opgelost");
        assertThat(X.published()).hasSize(2);
        assertThat(MASTODON.statuses()).hasSize(2);
        assertThat(publicPage("/status/incidents/" + key)).containsIgnoringCase("resolved");

        // and the timeline says what was sent, and what was skipped and why
        List<String> lines = new ArrayList<>();
        closed.path("timeline").forEach(e -> {
            if ("NOTICES".equals(e.path("kind").asText())) {
                lines.add(e.path("detail").asText());
            }
        });
        assertThat(lines).contains("initial notice sent by e-mail to 4 of 4 recipients",
                "initial notice sent by SMS to 2 of 2 recipients", "resolved notice sent by SMS to 2 of 2 recipients");
        assertThat(lines).anyMatch(l -> l.startsWith("initial notice published on X: https://x.com/hostingstatus/status/"));
        assertThat(lines).anyMatch(l -> l.startsWith("initial notice published on Mastodon"));
        assertThat(lines).anyMatch(l -> l.startsWith("initial notice published on the status page"));
        assertThat(lines).anyMatch(l -> l.startsWith("resolved notice: e-mail unavailable (own mail servers: ")
                && l.contains("skipped for 4 recipients not reached yet")
                && l.contains("Going on with SMS, X, Mastodon and the status page, which do not depend on own mail servers"));
        assertThat(lines).anyMatch(l -> l.startsWith("initial notice: 1 key account to call"));
    }

    private ResponseEntity<String> importCsv(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv"));
        headers.setBasicAuth("agent", "agent");
        return http.exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(csv, headers), String.class);
    }

    private JsonNode formVariables(Api api, String user, JsonNode task) {
        return api.json(api.send(user, HttpMethod.GET, api.engine("/task/" + task.path("id").asText() + "/form-variables"), null));
    }

    private static String text(JsonNode variables, String name) {
        return variables.path(name).path("value").asText();
    }

    private String publicPage(String path) {
        return http.getForObject(path, String.class);
    }

    private static List<String> smsTo(String number) {
        List<String> bodies = new ArrayList<>();
        for (LoggedRequest request : TWILIO.accepted(TwilioApiSimulation.MESSAGES)) {
            if (number.equals(TwilioApiSimulation.form(request, "To"))) {
                bodies.add(TwilioApiSimulation.form(request, "Body"));
            }
        }
        return bodies;
    }

    private static Map<String, String> subjectsByRecipient() throws Exception {
        Map<String, String> subjects = new HashMap<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            assertThat(subjects.put(to, message.getSubject())).as("one message to %s", to).isNull();
        }
        return subjects;
    }

    private static String bodyOf(String address) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (address.equals(message.getAllRecipients()[0].toString())) {
                return (String) ((jakarta.mail.Multipart) message.getContent()).getBodyPart(0).getContent();
            }
        }
        throw new AssertionError("no message to " + address);
    }
}
