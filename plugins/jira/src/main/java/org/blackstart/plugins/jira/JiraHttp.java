package org.blackstart.plugins.jira;

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
import java.util.List;
import java.util.UUID;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;

/**
 * HTTP to one Jira site with the account's credentials, and what Jira's answers mean: 2xx is
 * success, 404 refuses the case for good, 429 asks us to wait, anything else is a technical failure
 * whose message names the account and the call. Credentials never appear in a message.
 */
final class JiraHttp {

    /** One answer from Jira. */
    record Answer(int status, String body, HttpResponse<String> response) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final String accountName;
    private final JiraSite account;
    private final Duration timeout;
    private final HttpClient http;
    private final AccountHealth health;

    JiraHttp(String accountName, JiraSite account, Duration timeout, AccountHealth health) {
        this.accountName = accountName;
        this.account = account;
        this.timeout = timeout;
        this.health = health;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String accountName() {
        return accountName;
    }

    /** Sends {@code json} (or nothing, for {@code null}) and returns Jira's answer, whatever its status. */
    Answer send(String method, String path, JsonNode json, String what) {
        HttpRequest.Builder request = request(path)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8));
        }
        return exchange(request.build(), what);
    }

    /** Posts files as {@code multipart/form-data}, each in a part named {@code file}, as attachTemporaryFile wants. */
    Answer sendFiles(String path, List<VendorAttachment> files, String what) {
        String boundary = "blackstart-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (VendorAttachment file : files) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.fileName().replace("\"", "'") + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request(path)
                .header("Accept", "application/json")
                // Jira blocks multipart posts without it (XSRF protection).
                .header("X-Atlassian-Token", "no-check")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return exchange(request, what);
    }

    /** The answer's JSON; a body that is not JSON is a technical failure naming the call. */
    JsonNode json(Answer answer, String what) {
        try {
            JsonNode node = JSON.readTree(answer.body());
            if (node == null || node.isMissingNode()) {
                throw malformed(what, "an empty body");
            }
            return node;
        } catch (IOException e) {
            throw malformed(what, "a body that is not JSON");
        }
    }

    /** A required text field of an answer; its absence is a technical failure naming the field. */
    String text(JsonNode node, String pointer, String what) {
        JsonNode value = node.at(pointer);
        if (value.isMissingNode() || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw malformed(what, "no " + pointer.substring(1).replace('/', '.'));
        }
        return value.asText();
    }

    JiraApiException malformed(String what, String detail) {
        JiraApiException failure = new JiraApiException("Jira account '" + accountName + "' answered " + what
                + " with " + detail + "; is base-url a Jira Service Management site?", 0);
        health.failed(accountName, failure.getMessage());
        return failure;
    }

    /** Throws what a non-2xx answer means for the task. */
    RuntimeException failure(Answer answer, String what) {
        int status = answer.status();
        String jira = jiraMessage(answer.body());
        String prefix = "Jira account '" + accountName + "' ";
        if (status == 404) {
            return new BusinessFailure(VendorCase.CASE_REFUSED, prefix + "found no such thing for " + what
                    + " (HTTP 404" + jira + ")");
        }
        if (status == 429) {
            Duration wait = answer.response().headers().firstValue("Retry-After").map(JiraHttp::seconds).orElse(DEFAULT_WAIT);
            return new RetryLater(wait, prefix + "is rate limited; " + what + " is tried again in " + wait.toSeconds() + "s");
        }
        String message;
        if (status == 401) {
            message = prefix + "refused our credentials for " + what + " (HTTP 401); check "
                    + (account.usesBearer() ? "bearer-token" : "email and api-token");
        } else if (status == 403) {
            message = prefix + "may not " + what + " (HTTP 403" + jira + "); check the API user's permissions on the desk";
        } else {
            message = prefix + "failed " + what + " (HTTP " + status + jira + ")";
        }
        JiraApiException failure = new JiraApiException(message, status);
        health.failed(accountName, message);
        return failure;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(account.base() + path))
                .timeout(timeout)
                .header("Authorization", authorization());
    }

    private Answer exchange(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer answer = new Answer(response.statusCode(), response.body(), response);
            if (answer.ok()) {
                health.succeeded(accountName);
            }
            return answer;
        } catch (IOException e) {
            String message = "Jira account '" + accountName + "' unreachable at " + request.uri().getHost() + " for "
                    + what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            health.failed(accountName, message);
            throw new JiraApiException(message, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraApiException("interrupted while calling Jira account '" + accountName + "' for " + what, e);
        }
    }

    private String authorization() {
        if (account.usesBearer()) {
            return "Bearer " + account.bearerToken();
        }
        String pair = account.email() + ":" + account.apiToken();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Jira's own words: {@code errorMessage} (Service Management) or {@code errorMessages} and {@code errors} (platform). */
    static String jiraMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null) {
                return "";
            }
            StringBuilder words = new StringBuilder();
            if (node.hasNonNull("errorMessage")) {
                words.append(node.get("errorMessage").asText());
            }
            node.path("errorMessages").forEach(m -> words.append(words.isEmpty() ? "" : "; ").append(m.asText()));
            node.path("errors").fields().forEachRemaining(e ->
                    words.append(words.isEmpty() ? "" : "; ").append(e.getKey()).append(": ").append(e.getValue().asText()));
            String text = words.toString();
            return text.isBlank() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
    }
}
