package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.twilio.TwilioApiSimulation;
import org.blackstart.testkit.twilio.TwilioSigner;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The datacenter night: 500 hosts of one rack stop answering within a minute. Alertmanager posts
 * them in five groups; the platform opens one incident, phones level 1 through the Twilio
 * simulation, hears "no-answer" from Twilio's status callback, phones level 2, whose engineer
 * presses 1 on the call; escalation stops and the timeline tells the whole story.
 */
// Closed after the class: Camunda registers engines JVM-wide, and the shared context of the
// other ITs must find only its own engine when its REST API looks one up.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertStormPagingIT {

    private static final String PUBLIC_URL = "https://blackstart.example.org";
    private static final String LEVEL_ONE = "+31205550111";
    private static final String LEVEL_TWO = "+31205550112";
    private static final int HOSTS = 500;

    private static final TwilioApiSimulation TWILIO = TwilioApiSimulation.start();
    private static final int SMTP_PORT = LocalServers.freeLoopbackPort();
    private static final int IMAP_PORT = LocalServers.freeLoopbackPort();

    @DynamicPropertySource
    static void night(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-storm-it;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.process-engine-name", () -> "stormIt");
        registry.add("blackstart.demo.mail.smtp-port", () -> SMTP_PORT);
        registry.add("blackstart.demo.mail.imap-port", () -> IMAP_PORT);
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
        registry.add("blackstart.bridge.retry-backoff", () -> "1s");

        registry.add("blackstart.plugins.twilio.enabled", () -> "true");
        registry.add("blackstart.plugins.twilio.account-sid", () -> TwilioApiSimulation.ACCOUNT_SID);
        registry.add("blackstart.plugins.twilio.auth-token", () -> TwilioApiSimulation.AUTH_TOKEN);
        registry.add("blackstart.plugins.twilio.from-number", () -> TwilioApiSimulation.FROM);
        registry.add("blackstart.plugins.twilio.api-base-url", () -> TWILIO.baseUrl().toString());
        registry.add("blackstart.plugins.twilio.public-base-url", () -> PUBLIC_URL);

        registry.add("blackstart.oncall.people.storm-l1.name", () -> "Lena Level-One");
        registry.add("blackstart.oncall.people.storm-l1.phone", () -> LEVEL_ONE);
        registry.add("blackstart.oncall.people.storm-l2.name", () -> "Lars Level-Two");
        registry.add("blackstart.oncall.people.storm-l2.phone", () -> LEVEL_TWO);
        // Long enough that only Twilio's no-answer callback, not the timer, moves paging on.
        registry.add("blackstart.oncall.policies.storm-ops.levels[0].targets[0]", () -> "person:storm-l1");
        registry.add("blackstart.oncall.policies.storm-ops.levels[0].timeout", () -> "10m");
        registry.add("blackstart.oncall.policies.storm-ops.levels[1].targets[0]", () -> "person:storm-l2");
        registry.add("blackstart.oncall.policies.storm-ops.levels[1].timeout", () -> "10m");
        registry.add("blackstart.oncall.policies.storm-ops.call-attempts", () -> "1");

        registry.add("blackstart.alerts.rules[0].name", () -> "rack-outage");
        registry.add("blackstart.alerts.rules[0].match.labels.alertname", () -> "HostUnreachable");
        registry.add("blackstart.alerts.rules[0].group-by", () -> "datacenter,rack");
        registry.add("blackstart.alerts.rules[0].window", () -> "2m");
        registry.add("blackstart.alerts.rules[0].severity", () -> "SEV1");
        registry.add("blackstart.alerts.rules[0].title", () -> "Hosts unreachable in {{labels.datacenter}}/{{labels.rack}}");
        registry.add("blackstart.alerts.rules[0].escalation-policy", () -> "storm-ops");
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.close();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void aRackStormOpensOneIncidentAndPagesUntilSomeoneAnswers() throws Exception {
        Api api = new Api(http);

        // when: the storm arrives as Alertmanager sends it, one group of 100 hosts at a time
        for (int group = 0; group < HOSTS / 100; group++) {
            ResponseEntity<String> accepted = postAlerts(alertmanagerGroup(group * 100, 100));
            assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(202);
        }

        // then: one incident holds all 500 alerts
        String key = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> stormIncidents(api), keys -> !keys.isEmpty()).get(0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.json(api.send("commander", HttpMethod.GET, "/api/incidents/" + key + "/alerts?limit=1000", null)).size(),
                        count -> count == HOSTS);
        assertThat(stormIncidents(api)).containsExactly(key);

        // then: level 1 is phoned and texted
        LoggedRequest firstCall = awaitCallTo(LEVEL_ONE);
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(LEVEL_ONE), n -> n == 1);
        assertThat(form(firstCall, "Twiml")).contains("Lena Level-One").contains("<Gather");

        // Twilio reports an unanswered call half a minute after placing it, long after the call task completed.
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineDetails(api, key),
                details -> details.contains("Phoned Lena Level-One (" + LEVEL_ONE + "), level 1"));

        // when: Twilio reports that nobody picked up
        String statusCallback = form(firstCall, "StatusCallback");
        ResponseEntity<String> status = postSignedToPlatform(statusCallback,
                Map.of("CallSid", "CA0000000000000000000000000000a001", "AccountSid", TwilioApiSimulation.ACCOUNT_SID,
                        "CallStatus", "no-answer", "To", LEVEL_ONE, "From", TwilioApiSimulation.FROM));
        assertThat(status.getStatusCode().value()).as(statusCallback + " -> " + status.getBody()).isEqualTo(200);

        // then: level 2 is phoned
        LoggedRequest secondCall = awaitCallTo(LEVEL_TWO);
        assertThat(form(secondCall, "Twiml")).contains("Lars Level-Two");
        // A person answers seconds after Twilio accepted the call, long after the call task completed.
        // Pressing at once would race the completion, and the acknowledgement would cancel the task first.
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineDetails(api, key),
                details -> details.contains("Phoned Lars Level-Two (" + LEVEL_TWO + "), level 2"));

        // when: the level 2 engineer presses 1
        ResponseEntity<String> keypress = postSignedToPlatform(gatherAction(form(secondCall, "Twiml")),
                Map.of("CallSid", "CA0000000000000000000000000000a002", "AccountSid", TwilioApiSimulation.ACCOUNT_SID,
                        "Digits", "1", "To", LEVEL_TWO, "From", TwilioApiSimulation.FROM));

        // then: the call confirms it, escalation stops, the incident knows who answered
        assertThat(keypress.getBody()).contains("Acknowledged, thank you");
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("paging").processInstanceBusinessKey(key).count() == 0);
        String incidentInstance = runtime.createProcessInstanceQuery().processDefinitionKey("major-incident")
                .processInstanceBusinessKey(key).singleResult().getId();
        assertThat(runtime.getVariable(incidentInstance, "acknowledgedBy")).isEqualTo("storm-l2");
        assertThat(runtime.getVariable(incidentInstance, "acknowledgedVia")).isEqualTo("keypress");
        Thread.sleep(1500); // a page already on its way would show up by now
        assertThat(callsTo(LEVEL_ONE)).as("level 1 phoned once").isEqualTo(1);
        assertThat(callsTo(LEVEL_TWO)).as("level 2 phoned once").isEqualTo(1);

        // then: the timeline shows every step, in order
        List<String> story = new ArrayList<>();
        api.incident("commander", key).path("timeline").forEach(entry -> {
            String kind = entry.path("kind").asText();
            if (kind.equals("ALERTS") || kind.equals("PAGING") || kind.equals("INCIDENT_DECLARED")) {
                story.add(kind + ": " + entry.path("detail").asText());
            }
        });
        assertThat(story).satisfies(lines -> assertThat(String.join("\n", lines)).containsSubsequence(
                "INCIDENT_DECLARED: Hosts unreachable in ams1/a3",
                "ALERTS: opened by rule rack-outage",
                "PAGING: Phoned Lena Level-One (" + LEVEL_ONE + "), level 1",
                "PAGING: Call not answered (no-answer), level 1",
                "PAGING: Phoned Lars Level-Two (" + LEVEL_TWO + "), level 2",
                "PAGING: Acknowledged by storm-l2 via keypress"));
        assertThat(String.join("\n", story)).contains("Texted Lena Level-One")
                .containsPattern("opened by rule rack-outage: 500 alerts|; 500 firing");
    }

    private static List<String> timelineDetails(Api api, String key) {
        List<String> details = new ArrayList<>();
        api.incident("commander", key).path("timeline").forEach(entry -> details.add(entry.path("detail").asText()));
        return details;
    }

    private List<String> stormIncidents(Api api) {
        List<String> keys = new ArrayList<>();
        api.json(api.send("commander", HttpMethod.GET, "/api/incidents", null)).forEach(incident -> {
            if (incident.path("title").asText().startsWith("Hosts unreachable in ams1/a3")) {
                keys.add(incident.path("key").asText());
            }
        });
        return keys;
    }

    private ResponseEntity<String> postAlerts(String payload) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth("demo-alertmanager-token");
        return http.exchange("/api/alerts/alertmanager", HttpMethod.POST, new HttpEntity<>(payload, headers), String.class);
    }

    /** One Alertmanager webhook (payload version 4) for {@code count} hosts of rack a3. */
    private static String alertmanagerGroup(int firstHost, int count) {
        String startsAt = Instant.now().minusSeconds(30).toString();
        String alerts = java.util.stream.IntStream.range(firstHost, firstHost + count).mapToObj(host -> """
                {"status":"firing","labels":{"alertname":"HostUnreachable","datacenter":"ams1","rack":"a3",
                 "instance":"host-%03d.ams1","severity":"critical"},
                 "annotations":{"summary":"host-%03d.ams1 does not answer ping"},
                 "startsAt":"%s","endsAt":"0001-01-01T00:00:00Z",
                 "generatorURL":"http://prometheus.ams1/graph","fingerprint":"%016x"}
                """.formatted(host, host, startsAt, 0xa3000L + host)).collect(Collectors.joining(","));
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"HostUnreachable\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"blackstart","groupLabels":{"alertname":"HostUnreachable"},
                 "commonLabels":{"alertname":"HostUnreachable","datacenter":"ams1","rack":"a3"},
                 "commonAnnotations":{},"externalURL":"http://alertmanager.ams1","alerts":[%s]}
                """.formatted(alerts);
    }

    private static LoggedRequest awaitCallTo(String number) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> TWILIO.accepted(TwilioApiSimulation.CALLS).stream()
                        .filter(r -> number.equals(form(r, "To"))).findFirst().orElse(null), r -> r != null);
    }

    private static long callsTo(String number) {
        return TWILIO.accepted(TwilioApiSimulation.CALLS).stream().filter(r -> number.equals(form(r, "To"))).count();
    }

    private static long messagesTo(String number) {
        return TWILIO.accepted(TwilioApiSimulation.MESSAGES).stream().filter(r -> number.equals(form(r, "To"))).count();
    }

    private static String form(LoggedRequest request, String name) {
        return TwilioApiSimulation.form(request, name);
    }

    private static String gatherAction(String twiml) {
        int start = twiml.indexOf("action=\"") + "action=\"".length();
        return twiml.substring(start, twiml.indexOf('"', start)).replace("&amp;", "&");
    }

    /** What Twilio posts to {@code publicUrl}, signed with the account's auth token, delivered to this node. */
    private ResponseEntity<String> postSignedToPlatform(String publicUrl, Map<String, String> form) {
        assertThat(publicUrl).startsWith(PUBLIC_URL);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Twilio-Signature", TwilioSigner.sign(TwilioApiSimulation.AUTH_TOKEN, publicUrl, form));
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.exchange(publicUrl.substring(PUBLIC_URL.length()), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
