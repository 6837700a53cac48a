package org.blackstart.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Twilio's REST API as far as paging uses it, on 127.0.0.1: Calls.json and Messages.json answer
 * 201 with a sid when called with the account's Basic credentials, 401 (code 20003) otherwise.
 * Every Calls.json request is noted with {@link System#nanoTime()} as WireMock receives it, before
 * matching, so alert-to-first-page latency ends when the call request arrives, not when it is answered.
 */
final class TwilioSimulation implements AutoCloseable {

    /** A made-up account; the simulation accepts nothing else. Not a secret: it exists only in this run. */
    static final String ACCOUNT_SID = "AC" + "be0c4".repeat(6) + "00";
    static final String AUTH_TOKEN = "bench-auth-token-not-a-secret";
    static final String FROM = "+31205550199";
    static final String TO = "+31205550100";

    /** A Calls.json request as it arrived. */
    record CallRequest(long arrivedNanos, String body) {
    }

    private final WireMockServer server;
    private final List<CallRequest> calls = new ArrayList<>();

    TwilioSimulation(int port) {
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
                .disableRequestJournal()
                .extensions(new CallListener()));
        String accountPath = "/2010-04-01/Accounts/" + ACCOUNT_SID;
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        server.stubFor(any(urlMatching("/.*")).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}")));
        server.stubFor(post(urlPathEqualTo(accountPath + "/Calls.json")).atPriority(1)
                .withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"sid\":\"CA{{randomValue length=32 type='HEXADECIMAL'}}\",\"account_sid\":\"" + ACCOUNT_SID
                                + "\",\"status\":\"queued\",\"from\":\"" + FROM + "\"}")));
        server.stubFor(post(urlPathEqualTo(accountPath + "/Messages.json")).atPriority(1)
                .withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"account_sid\":\"" + ACCOUNT_SID
                                + "\",\"status\":\"queued\"}")));
        server.start();
    }

    URI apiBaseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * The arrival time of the first Calls.json request at or after {@code sinceNanos} whose body
     * contains {@code marker} (the rack name, which the page's text carries); waits at most {@code timeout}.
     *
     * @throws IllegalStateException when none arrived in time
     */
    long awaitCall(String marker, long sinceNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                for (CallRequest call : calls) {
                    if (call.arrivedNanos() - sinceNanos >= 0 && call.body().contains(marker)) {
                        return call.arrivedNanos();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no call naming " + marker + " within " + timeout);
                }
                calls.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Calls.json requests seen so far. */
    int callCount() {
        synchronized (calls) {
            return calls.size();
        }
    }

    /** The baseline's way of paging: one Calls.json POST, form-encoded, Basic auth, as Twilio documents it. */
    BareAlertEndpoint.Pager pager(HttpClient http) {
        URI callsUri = apiBaseUri().resolve("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json");
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        return headline -> {
            String form = "To=" + encode(TO) + "&From=" + encode(FROM) + "&Twiml="
                    + encode("<Response><Say>" + headline + "</Say></Response>");
            HttpRequest request = HttpRequest.newBuilder(callsUri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IOException("Calls.json answered " + response.statusCode() + ": " + response.body());
            }
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Notes each Calls.json request as soon as it is read, before stubs are matched. */
    private final class CallListener implements ServeEventListener {

        @Override
        public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
            long now = System.nanoTime();
            if (serveEvent.getRequest().getUrl().endsWith("/Calls.json")) {
                synchronized (calls) {
                    calls.add(new CallRequest(now, serveEvent.getRequest().getBodyAsString()));
                    calls.notifyAll();
                }
            }
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "bench-call-arrivals";
        }
    }
}
