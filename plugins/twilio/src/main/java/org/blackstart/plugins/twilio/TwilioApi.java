package org.blackstart.plugins.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two calls the plugin makes to Twilio's REST API (2010-04-01): create a Call with inline
 * TwiML, and create a Message. HTTP Basic with the Account SID and auth token, form-encoded
 * parameters, JSON answers. Remembers the last failure for the plugin's health.
 */
class TwilioApi {

    /** A failure that says the API or the account is not usable, for health. */
    record Failure(Instant at, String description) {
    }

    private final TwilioProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();

    TwilioApi(TwilioProperties properties) {
        this(properties, Clock.systemUTC());
    }

    TwilioApi(TwilioProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Places a call that runs {@code twiml}; returns the Call SID. */
    String placeCall(String to, String twiml, String statusCallback, Duration ringTimeout) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", properties.fromNumber());
        form.put("Twiml", twiml);
        form.put("Timeout", Long.toString(ringTimeout.toSeconds()));
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
            form.put("StatusCallbackEvent", "completed");
            form.put("StatusCallbackMethod", "POST");
        }
        return create("Calls.json", form);
    }

    /** Sends a text; returns the Message SID. */
    String sendMessage(String to, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", properties.fromNumber());
        form.put("Body", body);
        return create("Messages.json", form);
    }

    /** The last failure that was not about a recipient, or {@code null} after a success. */
    Failure lastFailure() {
        return lastFailure.get();
    }

    private String create(String resource, Map<String, String> form) {
        URI uri = URI.create(properties.apiBase() + "/2010-04-01/Accounts/" + properties.accountSid() + "/" + resource);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Authorization", basicAuthorization())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw remember(new TwilioApiException("Twilio API " + uri.getHost() + " unreachable for " + resource + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, null, null, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwilioApiException("interrupted while calling the Twilio API", 0, null, null, e);
        }
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            String sid = readSid(response.body());
            if (sid == null) {
                throw remember(new TwilioApiException("Twilio API answered " + response.statusCode() + " for " + resource
                        + " without a sid", response.statusCode(), null, null, null));
            }
            lastFailure.set(null);
            return sid;
        }
        TwilioApiException failure = errorOf(resource, response);
        if (failure.recipientUndeliverable()) {
            // Twilio checked the credentials and the request before refusing the number: the API works.
            lastFailure.set(null);
        } else {
            remember(failure);
        }
        throw failure;
    }

    private TwilioApiException remember(TwilioApiException failure) {
        lastFailure.set(new Failure(clock.instant(), failure.getMessage()));
        return failure;
    }

    private String readSid(String body) {
        try {
            JsonNode sid = json.readTree(body).get("sid");
            return sid == null || sid.isNull() ? null : sid.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private TwilioApiException errorOf(String resource, HttpResponse<String> response) {
        Integer code = null;
        String message = null;
        String moreInfo = null;
        try {
            JsonNode error = json.readTree(response.body());
            if (error != null && error.hasNonNull("code")) {
                code = error.get("code").asInt();
            }
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
            }
            if (error != null && error.hasNonNull("more_info")) {
                moreInfo = error.get("more_info").asText();
            }
        } catch (IOException notJson) {
            // A proxy or load balancer answered; the status code is all there is.
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").map(TwilioApi::seconds).orElse(null);
        StringBuilder text = new StringBuilder("Twilio API refused ").append(resource).append(": HTTP ")
                .append(response.statusCode());
        if (code != null) {
            text.append(", error ").append(code);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        if (retryAfter != null) {
            text.append(" (retry after ").append(retryAfter.toSeconds()).append("s)");
        }
        if (moreInfo != null) {
            text.append(" - ").append(moreInfo);
        }
        return new TwilioApiException(text.toString(), response.statusCode(), code, retryAfter, null);
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }

    private String basicAuthorization() {
        String credentials = properties.accountSid() + ":" + properties.authToken();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static String formEncode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }
}
