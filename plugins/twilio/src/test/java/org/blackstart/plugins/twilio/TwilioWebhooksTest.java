package org.blackstart.plugins.twilio;

import org.blackstart.testkit.twilio.TwilioApiSimulation;
import org.blackstart.testkit.twilio.TwilioSigner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.blackstart.bridge.BlackstartComponent;
import org.blackstart.bridge.BridgeSettings;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.Paging;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.InMemoryStartGuard;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plugin as the platform runs it: its auto-configuration in a Spring Boot web server with
 * camel-platform-http, the real bridge on a real engine, Twilio's API simulated. Twilio's callbacks
 * are posted over HTTP with signatures computed as Twilio computes them, against the public URL
 * Twilio was given (which is not the local address: the platform sits behind a proxy).
 */
@SpringBootTest(classes = TwilioWebhooksTest.Platform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwilioWebhooksTest {

    static final String PUBLIC = "https://blackstart.example.com";
    static final String INCIDENT_CALLER = "+31655501234";

    private static final TwilioApiSimulation TWILIO = TwilioApiSimulation.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    static class Platform {

        @Bean(destroyMethod = "close")
        BridgeHarness harness() {
            return new BridgeHarness();
        }

        @Bean("blackstart")
        BlackstartComponent blackstart(BridgeHarness harness) {
            BlackstartComponent component = new BlackstartComponent(harness.engine(), new BridgeSettings("webhooks-test",
                    Duration.ofSeconds(30), Duration.ofMillis(20), 10, 0, List.of(Duration.ZERO)));
            component.setStartGuard(new InMemoryStartGuard());
            return component;
        }

        @Bean
        DeliveryLedger ledger() {
            return new InMemoryDeliveryLedger();
        }

        @Bean
        org.blackstart.spi.NoticeAudience audience() {
            return new org.blackstart.testkit.InMemoryNoticeAudience();
        }
    }

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("blackstart.plugins.twilio.enabled", () -> "true");
        registry.add("blackstart.plugins.twilio.account-sid", () -> TwilioApiSimulation.ACCOUNT_SID);
        registry.add("blackstart.plugins.twilio.auth-token", () -> TwilioApiSimulation.AUTH_TOKEN);
        registry.add("blackstart.plugins.twilio.from-number", () -> TwilioApiSimulation.FROM);
        registry.add("blackstart.plugins.twilio.api-base-url", () -> TWILIO.baseUrl().toString());
        registry.add("blackstart.plugins.twilio.public-base-url", () -> PUBLIC + "/");
        registry.add("blackstart.plugins.twilio.incident-callers", () -> INCIDENT_CALLER);
    }

    @LocalServerPort
    int port;

    @Autowired
    BridgeHarness harness;

    @BeforeAll
    static void deployProcesses(@Autowired BridgeHarness harness) {
        harness.engine().getRepositoryService().createDeployment()
                .addModelInstance("paging.bpmn", Bpmn.createExecutableProcess("paging")
                        .startEvent()
                        .serviceTask("Page").camundaExternalTask(Topics.PAGE_PHONE)
                        .eventBasedGateway()
                        .intermediateCatchEvent("AwaitAck").message(Paging.ACKNOWLEDGED).endEvent("Acknowledged")
                        .moveToLastGateway()
                        .intermediateCatchEvent("AwaitNoAnswer").message(Paging.UNANSWERED).endEvent("Unanswered")
                        .done())
                .addModelInstance("waiting.bpmn", Bpmn.createExecutableProcess("waiting")
                        .startEvent()
                        .eventBasedGateway()
                        .intermediateCatchEvent().message(Paging.ACKNOWLEDGED).endEvent("Acknowledged")
                        .moveToLastGateway()
                        .intermediateCatchEvent().message(Paging.UNANSWERED).endEvent("Unanswered")
                        .done())
                .addModelInstance("major-incident.bpmn", Bpmn.createExecutableProcess(IncomingCalls.PROCESS_KEY)
                        .startEvent().camundaExecutionListenerExpression("start",
                                "${execution.setProcessBusinessKey('INC-2026-0042')}")
                        .userTask("Triage")
                        .endEvent()
                        .done())
                .deploy();
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.close();
    }

    // ---- page call, end to end ------------------------------------------------------------------------------

    @Test
    void aKeypressOnThePageCallAcknowledgesThePageAndIsConfirmedByVoice() throws Exception {
        String instance = startProcess("paging", "INC-2026-0101", "111111");
        String twiml = await().atMost(Duration.ofSeconds(20)).until(() -> twimlOfCallTo("+31611111111"), t -> t != null);
        String gatherUrl = firstGatherAction(twiml);
        assertThat(gatherUrl).startsWith(PUBLIC + "/api/twilio/voice/gather?").contains("ackCode=111111");
        // This small process listens only once its page task is reported done (the real paging
        // process listens during the call); on a slow machine the keypress could otherwise be first.
        awaitListening(instance);

        HttpResponse<String> response = postSigned(gatherUrl, Map.of("CallSid", "CA01", "Digits", "1",
                "From", TwilioApiSimulation.FROM, "To", "+31611111111"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/xml"));
        assertThat(response.body()).contains(">Acknowledged, thank you.</Say><Hangup/></Response>");
        HistoricProcessInstance ended = ended(instance);
        assertThat(ended.getEndActivityId()).isEqualTo("Acknowledged");
        assertThat(variable(instance, Paging.ACKNOWLEDGED_BY)).isEqualTo("ann");
        assertThat(variable(instance, Paging.ACKNOWLEDGED_VIA)).isEqualTo("keypress");

        // The call then completes; the page is acknowledged already, so the status changes nothing.
        String statusUrl = gatherUrl.replace("/voice/gather?", "/voice/status?");
        HttpResponse<String> status = postSigned(statusUrl, Map.of("CallSid", "CA01", "CallStatus", "completed"));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(ended(instance).getEndActivityId()).isEqualTo("Acknowledged");
    }

    @Test
    void anUnansweredCallIsReportedWithTwiliosCallStatus() throws Exception {
        String instance = startProcess("waiting", "INC-2026-0102", "222222");

        HttpResponse<String> response = postSigned(callback("status", "INC-2026-0102", "222222"),
                Map.of("CallSid", "CA02", "CallStatus", "no-answer", "To", "+31611111111"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ended(instance).getEndActivityId()).isEqualTo("Unanswered");
        assertThat(variable(instance, Paging.UNANSWERED_REASON)).isEqualTo("no-answer");
    }

    @Test
    void anotherKeyIsAskedAgainAndAcknowledgesNothing() throws Exception {
        String instance = startProcess("waiting", "INC-2026-0103", "333333");
        String gather = callback("gather", "INC-2026-0103", "333333");

        HttpResponse<String> response = postSigned(gather, Map.of("CallSid", "CA03", "Digits", "7"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("That was not 1. Press 1 to acknowledge the page.")
                .contains("action=\"" + gather.replace("&", "&amp;") + "\"");
        assertThat(stillWaiting(instance)).isTrue();
    }

    // ---- signatures ---------------------------------------------------------------------------------------

    @Test
    void aWrongSignatureIsRefusedWith403AndChangesNothing() throws Exception {
        String instance = startProcess("waiting", "INC-2026-0104", "444444");
        String gather = callback("gather", "INC-2026-0104", "444444");
        Map<String, String> form = Map.of("CallSid", "CA04", "Digits", "1");

        HttpResponse<String> forged = post(gather, form, TwilioSigner.sign("not-the-auth-token", gather, form));
        HttpResponse<String> unsigned = post(gather, form, null);
        // Signed for another page's code, then pointed at this one.
        String other = callback("gather", "INC-2026-0104", "999999");
        HttpResponse<String> replayed = post(gather, form, TwilioSigner.sign(TwilioApiSimulation.AUTH_TOKEN, other, form));
        // A signature over other form values.
        HttpResponse<String> tampered = post(gather, form,
                TwilioSigner.sign(TwilioApiSimulation.AUTH_TOKEN, gather, Map.of("CallSid", "CA04", "Digits", "2")));

        for (HttpResponse<String> response : List.of(forged, unsigned, replayed, tampered)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":403").contains("X-Twilio-Signature")
                    .doesNotContain(TwilioApiSimulation.AUTH_TOKEN);
        }
        assertThat(unsigned.body()).contains("X-Twilio-Signature header is missing");
        assertThat(stillWaiting(instance)).isTrue();
    }

    @Test
    void aSignedCallbackWithoutItsFieldIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> response = postSigned(callback("status", "INC-2026-0105", "555555"), Map.of("CallSid", "CA05"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("CallStatus");
    }

    // ---- SMS ----------------------------------------------------------------------------------------------

    @Test
    void anAckTextAcknowledgesThePageWithThatCode() throws Exception {
        String instance = startProcess("waiting", "INC-2026-0106", "606606");
        String other = startProcess("waiting", "INC-2026-0107", "707707");

        HttpResponse<String> response = postSigned(PUBLIC + "/api/twilio/sms", Map.of("MessageSid", "SM06",
                "From", "+31611111111", "To", TwilioApiSimulation.FROM, "Body", "  ack 606 606 "));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Message>Acknowledged, thank you. Page 606606 is yours.</Message>");
        assertThat(ended(instance).getEndActivityId()).isEqualTo("Acknowledged");
        assertThat(variable(instance, Paging.ACKNOWLEDGED_BY)).isEqualTo("+31611111111");
        assertThat(variable(instance, Paging.ACKNOWLEDGED_VIA)).isEqualTo("sms");
        assertThat(stillWaiting(other)).isTrue();
    }

    @Test
    void aTextWithAnUnknownCodeOrNoCodeSaysSo() throws Exception {
        HttpResponse<String> unknown = postSigned(PUBLIC + "/api/twilio/sms",
                Map.of("MessageSid", "SM08", "From", "+31611111111", "Body", "ACK 000001"));
        HttpResponse<String> chatter = postSigned(PUBLIC + "/api/twilio/sms",
                Map.of("MessageSid", "SM09", "From", "+31611111111", "Body", "on my way"));

        assertThat(unknown.body()).contains("<Message>No open page has code 000001. Nothing was changed.</Message>");
        assertThat(chatter.body()).contains("reply ACK followed by the code");
    }

    // ---- calling the platform number ----------------------------------------------------------------------

    @Test
    void anIncidentCallerOpensAMajorIncidentByPhoneAndHearsItsKey() throws Exception {
        HttpResponse<String> answer = postSigned(PUBLIC + "/api/twilio/voice/incoming",
                Map.of("CallSid", "CA10", "From", INCIDENT_CALLER, "To", TwilioApiSimulation.FROM));
        assertThat(answer.body()).contains("action=\"" + PUBLIC + "/api/twilio/voice/incoming/confirm\"")
                .contains("Press 1 to open a major incident.");

        Map<String, String> pressedOne = Map.of("CallSid", "CA10", "From", INCIDENT_CALLER, "Digits", "1");
        HttpResponse<String> confirmed = postSigned(PUBLIC + "/api/twilio/voice/incoming/confirm", pressedOne);
        HttpResponse<String> again = postSigned(PUBLIC + "/api/twilio/voice/incoming/confirm", pressedOne);

        assertThat(confirmed.body()).contains("Major incident I N C, 2 0 2 6, 0 0 4 2 is open.");
        assertThat(again.body()).contains("was already opened by this call");
        var incidents = engine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(IncomingCalls.PROCESS_KEY).list();
        assertThat(incidents).hasSize(1);
        Map<String, Object> variables = engine().getRuntimeService().getVariables(incidents.get(0).getId());
        assertThat(variables).containsEntry("declaredBy", INCIDENT_CALLER).containsEntry("severity", "SEV1")
                .containsEntry("title", "Major incident declared by phone");
    }

    @Test
    void anyoneElseIsNotAuthorisedAndOpensNothing() throws Exception {
        HttpResponse<String> answer = postSigned(PUBLIC + "/api/twilio/voice/incoming",
                Map.of("CallSid", "CA11", "From", "+31699999999"));
        HttpResponse<String> confirm = postSigned(PUBLIC + "/api/twilio/voice/incoming/confirm",
                Map.of("CallSid", "CA11", "From", "+31699999999", "Digits", "1"));

        assertThat(answer.body()).contains("not authorised").contains("<Hangup/>").doesNotContain("<Gather");
        assertThat(confirm.body()).contains("not authorised");
        assertThat(engine().getHistoryService().createHistoricVariableInstanceQuery().variableName("declaredBy")
                .variableValueEquals("declaredBy", "+31699999999").count()).isZero();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private ProcessEngine engine() {
        return harness.engine();
    }

    private String startProcess(String key, String incident, String ackCode) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(PageRequest.Variables.STEP, "L1-R1-A1");
        variables.put(PageRequest.Variables.RECIPIENT, "ann");
        variables.put(PageRequest.Variables.NAME, "Ann");
        variables.put(PageRequest.Variables.PHONE, "+31611111111");
        variables.put(PageRequest.Variables.ACK_CODE, ackCode);
        variables.put(PageRequest.Variables.TITLE, "Rack A3 lost power");
        return engine().getRuntimeService().startProcessInstanceByKey(key, incident, variables).getId();
    }

    private static String callback(String kind, String incident, String ackCode) {
        return PUBLIC + "/api/twilio/voice/" + kind + "?incident=" + incident + "&step=L1-R1-A1&recipient=ann&ackCode=" + ackCode;
    }

    private static String twimlOfCallTo(String number) {
        return TWILIO.accepted(TwilioApiSimulation.CALLS).stream()
                .filter(r -> number.equals(TwilioApiSimulation.form(r, "To")))
                .map(r -> TwilioApiSimulation.form(r, "Twiml")).findFirst().orElse(null);
    }

    private static String firstGatherAction(String twiml) {
        int start = twiml.indexOf("action=\"") + "action=\"".length();
        return twiml.substring(start, twiml.indexOf('"', start)).replace("&amp;", "&");
    }

    private HttpResponse<String> postSigned(String publicUrl, Map<String, String> form) throws Exception {
        return post(publicUrl, form, TwilioSigner.sign(TwilioApiSimulation.AUTH_TOKEN, publicUrl, form));
    }

    /** Posts to this node what Twilio would post to {@code publicUrl}: same path and query, through the proxy. */
    private HttpResponse<String> post(String publicUrl, Map<String, String> form, String signature) throws Exception {
        URI local = URI.create("http://127.0.0.1:" + port + publicUrl.substring(PUBLIC.length()));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(local)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HistoricProcessInstance ended(String instance) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> engine().getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult(), h -> h.getEndTime() != null);
    }

    private boolean stillWaiting(String instance) {
        return engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() == 1;
    }

    private Object variable(String instance, String name) {
        return engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(name).singleResult().getValue();
    }

    private void awaitListening(String instance) {
        await().atMost(Duration.ofSeconds(20)).until(() -> engine().getRuntimeService().createEventSubscriptionQuery()
                .processInstanceId(instance).eventName(Paging.ACKNOWLEDGED).count() == 1);
    }
}
