package org.blackstart.plugins.resttickets;

import org.blackstart.spi.AccountHealth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;

/**
 * HTTP to one vendor portal with the account's authentication, and what its answers mean: 2xx is
 * success, 404 and 410 refuse the case for good, 429 asks us to wait, anything else is a technical
 * failure naming the account and the call. Every write carries an {@code Idempotency-Key}: the
 * delivery key's id, identical on every retry, for portals that honour it.
 */
final class PortalHttp {

    record Answer(int status, String body, HttpResponse<String> response) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final PortalAccount portal;
    private final Duration timeout;
    private final AccountHealth health;
    private final HttpClient http;

    PortalHttp(PortalAccount portal, Duration timeout, AccountHealth health) {
        this.portal = portal;
        this.timeout = timeout;
        this.health = health;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer sendJson(String method, String path, String json, String idempotencyKey, String what) {
        HttpRequest request = request(path, idempotencyKey)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return checked(exchange(request, what), what);
    }

    Answer sendFile(String path, String field, VendorAttachment file, String idempotencyKey, String what) {
        String boundary = "blackstart-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + file.fileName().replace("\"", "'") + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file.content());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request(path, idempotencyKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return checked(exchange(request, what), what);
    }

    /** The answer's JSON; a body that is not JSON is a technical failure naming the call. */
    JsonNode json(Answer answer, String what) {
        try {
            JsonNode node = JSON.readTree(answer.body());
            if (node == null || node.isMissingNode()) {
                throw malformed(what + " answered " + answer.status() + " with an empty body");
            }
            return node;
        } catch (IOException e) {
            throw malformed(what + " answered " + answer.status() + " with a body that is not JSON");
        }
    }

    PortalApiException malformed(String detail) {
        PortalApiException failure = new PortalApiException("vendor portal account '" + portal.name + "': " + detail);
        health.failed(portal.name, failure.getMessage());
        return failure;
    }

    private Answer checked(Answer answer, String what) {
        if (answer.ok()) {
            health.succeeded(portal.name);
            return answer;
        }
        int status = answer.status();
        String prefix = "vendor portal account '" + portal.name + "' ";
        String said = said(answer.body());
        if (status == 404 || status == 410) {
            throw new BusinessFailure(VendorCase.CASE_REFUSED, prefix + "refused " + what + " for good (HTTP " + status
                    + said + ")");
        }
        if (status == 429) {
            Duration wait = answer.response().headers().firstValue("Retry-After").map(PortalHttp::seconds).orElse(DEFAULT_WAIT);
            throw new RetryLater(wait, prefix + "is rate limited; " + what + " is tried again in " + wait.toSeconds() + "s");
        }
        String message = status == 401 || status == 403
                ? prefix + "refused our credentials for " + what + " (HTTP " + status + "); check "
                + RestTicketsProperties.PREFIX + ".accounts." + portal.name + ".auth"
                : prefix + "failed " + what + " (HTTP " + status + said + ")";
        health.failed(portal.name, message);
        throw new PortalApiException(message);
    }

    private HttpRequest.Builder request(String path, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(portal.account.base() + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey);
        RestTicketsProperties.Auth auth = portal.account.auth();
        switch (auth.type()) {
            case BASIC -> builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> builder.header("Authorization", "Bearer " + auth.token());
            case HEADER -> builder.header(auth.name(), auth.value());
            case NONE -> {
            }
        }
        return builder;
    }

    private Answer exchange(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            String message = "vendor portal account '" + portal.name + "' unreachable at " + request.uri().getHost() + " for "
                    + what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            health.failed(portal.name, message);
            throw new PortalApiException(message, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalApiException("interrupted while calling vendor portal account '" + portal.name + "' for " + what, e);
        }
    }

    /** A short excerpt of what the portal said, for people: a JSON {@code message}/{@code error}/{@code detail}, if any. */
    private static String said(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"message", "error", "detail", "title"}) {
                if (node != null && node.path(field).isTextual()) {
                    String text = node.path(field).asText();
                    return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // Not JSON: the status says enough, and an HTML error page is no message for people.
        }
        return "";
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
    }
}
