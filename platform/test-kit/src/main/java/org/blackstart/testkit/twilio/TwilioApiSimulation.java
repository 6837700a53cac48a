package org.blackstart.testkit.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import org.blackstart.testkit.LocalServers;


/**
 * Twilio's REST API (2010-04-01) as its API reference describes it, for the parts the plugin uses:
 * Calls.json and Messages.json under the account, HTTP Basic with Account SID and auth token,
 * form-encoded parameters, 201 with a JSON resource carrying its {@code sid}; JSON errors with
 * {@code code}, {@code message}, {@code more_info} and {@code status}: 20003 for wrong credentials,
 * 21201 without a To, 21211 for an invalid To (Twilio's magic test number +15005550001), 21614 for a
 * text to a number that is not a mobile (+15005550009), and
 * 429 / 20429 with Retry-After when rate limited.
 */
public final class TwilioApiSimulation implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "f00dfeedc0ffee00deadbeef12345678";
    public static final String FROM = "+31850001234";
    /** Twilio's test credentials answer 21211 for this number. */
    public static final String INVALID_NUMBER = "+15005550001";
    /** Twilio's test credentials answer 21614 (not a mobile number) for a text to this number. */
    public static final String NOT_A_MOBILE = "+15005550009";
    public static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final String E164 = "\\+[1-9][0-9]{6,14}";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final WireMockServer server;
    private StubMapping outage;
    private final List<StubMapping> rateLimits = new java.util.ArrayList<>();

    private TwilioApiSimulation() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freeLoopbackPort()));
        server.start();
        stubCalls();
        stubMessages();
        stubErrors();
    }

    public static TwilioApiSimulation start() {
        return new TwilioApiSimulation();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private void stubCalls() {
        server.stubFor(post(urlPathEqualTo(CALLS)).atPriority(5)
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .withHeader("Content-Type", containing(FORM))
                .withFormParam("To", matching(E164))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Twiml", containing("<Response>"))
                // StatusCallback is optional in Twilio's API: an announcement call reports no outcome
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"sid": "CA{{randomValue length=32 type='HEXADECIMAL'}}", "account_sid": "%s",
                                 "from": "%s",
                                 "status": "queued", "direction": "outbound-api", "api_version": "2010-04-01"}
                                """.formatted(ACCOUNT_SID, FROM))));
        server.stubFor(post(urlPathEqualTo(CALLS)).atPriority(6)
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .withFormParam("To", absent())
                .willReturn(error(400, 21201, "No 'To' number is specified")));
    }

    private void stubMessages() {
        server.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(5)
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .withHeader("Content-Type", containing(FORM))
                .withFormParam("To", matching(E164))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", matching("(?s).+"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}", "account_sid": "%s",
                                 "from": "%s", "status": "queued", "num_segments": "1", "api_version": "2010-04-01"}
                                """.formatted(ACCOUNT_SID, FROM))));
    }

    private void stubErrors() {
        for (String resource : List.of(CALLS, MESSAGES)) {
            server.stubFor(post(urlPathEqualTo(resource)).atPriority(1)
                    .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                    .withFormParam("To", equalTo(INVALID_NUMBER))
                    .willReturn(error(400, 21211, "The 'To' number " + INVALID_NUMBER + " is not a valid phone number.")));
        }
        server.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
                .withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .withFormParam("To", equalTo(NOT_A_MOBILE))
                .willReturn(error(400, 21614, "'To' number " + NOT_A_MOBILE + " is not a valid mobile number")));
        // Anything else under the API without the right credentials.
        server.stubFor(post(anyUrl()).atPriority(9)
                .willReturn(error(401, 20003, "Authenticate").withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                        """.formatted(code, message.replace("\"", "\\\""), code, status));
    }

    /** The next {@code times} requests are refused with 429 / 20429, as Twilio does under its rate limit. */
    public void rateLimitNext(int times) {
        String scenario = "rate-limit";
        for (int i = 0; i < times; i++) {
            String state = i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "limited-" + i;
            rateLimits.add(server.stubFor(post(anyUrl()).atPriority(0).inScenario(scenario).whenScenarioStateIs(state)
                    .willSetStateTo("limited-" + (i + 1))
                    .willReturn(error(429, 20429, "Too Many Requests").withHeader("Retry-After", "1"))));
        }
    }

    /** The auth token is revoked (rotated in the console): the plugin's token gets 401 / 20003 until {@link #recover()}. */
    public void revokeToken() {
        outage = server.stubFor(post(anyUrl()).atPriority(0).withBasicAuth(ACCOUNT_SID, AUTH_TOKEN)
                .willReturn(error(401, 20003, "Authenticate").withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"")));
    }

    /** Every request fails with 503 until {@link #recover()}. */
    public void breakDown() {
        outage = server.stubFor(post(anyUrl()).atPriority(0)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody("<h1>503</h1>")));
    }

    public void recover() {
        if (outage != null) {
            server.removeStub(outage);
            outage = null;
        }
    }

    /** Requests to {@code path}, oldest first. */
    public List<LoggedRequest> requests(String path) {
        return oldestFirst(server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().equals(path)).toList());
    }

    /** Requests to {@code path} that Twilio accepted (201): calls placed, messages queued. */
    public List<LoggedRequest> accepted(String path) {
        return oldestFirst(server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path) && e.getResponse().getStatus() == 201)
                .map(ServeEvent::getRequest).toList());
    }

    private static List<LoggedRequest> oldestFirst(List<LoggedRequest> newestFirst) {
        List<LoggedRequest> copy = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    public static String form(LoggedRequest request, String name) {
        var parameter = request.formParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    public void reset() {
        server.resetRequests();
        rateLimits.forEach(server::removeStub);
        rateLimits.clear();
        server.resetScenarios();
        recover();
    }

    @Override
    public void close() {
        server.stop();
    }
}
