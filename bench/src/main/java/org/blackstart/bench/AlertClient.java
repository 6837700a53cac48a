package org.blackstart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts Alertmanager webhooks the way Alertmanager does: {@code POST /api/alerts/alertmanager} with
 * a bearer token and a JSON body. The same client serves both sides, so they differ only in the server.
 */
final class AlertClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final String authorization;

    AlertClient(HttpClient http, URI base, String token) {
        this.http = http;
        this.endpoint = base.resolve(BareAlertEndpoint.PATH);
        this.authorization = "Bearer " + token;
    }

    /**
     * Posts one body and checks the 202 and, where the reply says how many alerts it took, that
     * count; anything else is a failed operation.
     */
    void post(String body, int alerts, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            // Never the request's headers: the token stays out of the report.
            throw new IOException("POST " + BareAlertEndpoint.PATH + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        checkAccepted(response.body(), alerts);
    }

    static void checkAccepted(String reply, int alerts) throws IOException {
        JsonNode accepted = JSON.readTree(reply).path("alerts");
        if (accepted.isNumber() && accepted.asInt() != alerts) {
            throw new IOException("sent " + alerts + " alerts, accepted " + accepted.asInt() + ": " + abbreviate(reply));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
