package org.blackstart.plugins.servicenow;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.vendor.VendorAttachment;

/**
 * The calls the plugin makes to one ServiceNow account, per the Table and Attachment API reference:
 * records under {@code /api/now/table/{table}}, files under {@code /api/now/attachment}. Every answer
 * is the {@code {"result": ...}} wrapper. Remembers the outcome of the last call for the plugin's health.
 */
class ServiceNowApi {

    /** The outcome of the last call, for health. */
    record LastCall(Instant at, boolean ok, String description) {
    }

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final String name;
    private final ServiceNowProperties.Account account;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final OAuthTokens tokens;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<LastCall> lastCall = new AtomicReference<>();

    ServiceNowApi(String name, ServiceNowProperties.Account account, Duration timeout, Clock clock) {
        this.name = name;
        this.account = account;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = account.auth() == ServiceNowProperties.Auth.OAUTH
                ? new OAuthTokens(name, account, http, timeout, clock) : null;
    }

    String name() {
        return name;
    }

    ServiceNowProperties.Account account() {
        return account;
    }

    LastCall lastCall() {
        return lastCall.get();
    }

    /** Creates a record in the account's table; the answer's {@code result}. */
    JsonNode create(Map<String, Object> fields) {
        String body = write(fields);
        HttpResponse<String> response = send("the create", request(tablePath(), null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        JsonNode result = read(response.body());
        if (result == null || !result.isObject()) {
            // No number means no case we could ever refer to: the bridge retries and then shows this in Cockpit.
            throw failed(new ServiceNowException("ServiceNow account '" + name + "' answered the create without a case "
                    + "number (HTTP " + response.statusCode() + ", not a ServiceNow result)", response.statusCode()));
        }
        succeeded();
        return result;
    }

    /** Changes fields of a record; a journal field such as {@code comments} adds an entry. */
    JsonNode patch(String sysId, Map<String, Object> fields) {
        HttpResponse<String> response = send("the update of " + sysId, request(tablePath() + "/" + encodePath(sysId), null)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(fields))));
        return result("the update of " + sysId, response);
    }

    /** Records of {@code table} matching an encoded query, with {@code fields} only. */
    List<JsonNode> query(String table, String encodedQuery, String fields, int limit) {
        String query = "sysparm_query=" + encode(encodedQuery) + "&sysparm_fields=" + encode(fields)
                + "&sysparm_limit=" + limit + "&sysparm_display_value=false&sysparm_exclude_reference_link=true";
        HttpResponse<String> response = send("a query of " + table, request("/api/now/table/" + table, query).GET());
        JsonNode result = result("a query of " + table, response);
        List<JsonNode> rows = new ArrayList<>();
        result.forEach(rows::add);
        return rows;
    }

    /** The record of the account's table with this correlation id, if there is one. */
    Optional<JsonNode> findByCorrelation(String correlationId) {
        return query(account.table(), "correlation_id=" + correlationId, "sys_id,number", 1).stream().findFirst();
    }

    Optional<JsonNode> findByNumber(String number) {
        return query(account.table(), "number=" + number, "sys_id,number", 1).stream().findFirst();
    }

    /** The attachments of a record: sys_id, file_name, content_type. */
    List<JsonNode> attachments(String tableSysId) {
        String query = "sysparm_query=" + encode("table_sys_id=" + tableSysId);
        HttpResponse<String> response = send("the attachment list of " + tableSysId,
                request("/api/now/attachment", query).GET());
        List<JsonNode> files = new ArrayList<>();
        result("the attachment list of " + tableSysId, response).forEach(files::add);
        return files;
    }

    /** Attaches a file to a record of the account's table. */
    void attach(String tableSysId, VendorAttachment file) {
        String query = "table_name=" + encode(account.table()) + "&table_sys_id=" + encode(tableSysId)
                + "&file_name=" + encode(file.fileName());
        HttpResponse<String> response = send("the attachment " + file.fileName(), request("/api/now/attachment/file", query)
                .header("Content-Type", file.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(file.content())));
        result("the attachment " + file.fileName(), response);
    }

    /** The bytes of an attachment. */
    byte[] download(String attachmentSysId) {
        HttpRequest.Builder builder = request("/api/now/attachment/" + encodePath(attachmentSysId) + "/file", null)
                .setHeader("Accept", "*/*").GET();
        HttpResponse<byte[]> response = exchange("the download of attachment " + attachmentSysId, builder,
                HttpResponse.BodyHandlers.ofByteArray());
        check("the download of attachment " + attachmentSysId, response.statusCode(), response);
        succeeded();
        return response.body();
    }

    /** The cheapest authenticated call there is: one user record. */
    void ping() {
        HttpResponse<String> response = send("the health check",
                request("/api/now/table/sys_user", "sysparm_limit=1&sysparm_fields=sys_id").GET());
        result("the health check", response);
    }

    /** Where a person opens the record in the instance's UI. */
    String caseUrl(String sysId) {
        return account.base() + "/nav_to.do?uri=" + account.table() + ".do?sys_id=" + sysId;
    }

    private String tablePath() {
        return "/api/now/table/" + account.table();
    }

    private HttpRequest.Builder request(String path, String query) {
        URI uri = URI.create(account.base() + path + (query == null ? "" : "?" + query));
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("Authorization", authorization());
    }

    private String authorization() {
        if (tokens != null) {
            return "Bearer " + tokens.accessToken();
        }
        String credentials = account.username() + ":" + account.password();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String what, HttpRequest.Builder builder) {
        HttpResponse<String> response = exchange(what, builder, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        check(what, response.statusCode(), response);
        return response;
    }

    private <T> HttpResponse<T> exchange(String what, HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(builder.build(), handler);
        } catch (IOException e) {
            throw failed(new ServiceNowException("ServiceNow account '" + name + "' unreachable for " + what + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceNowException("interrupted while calling ServiceNow account '" + name + "'", e);
        }
    }

    private void check(String what, int status, HttpResponse<?> response) {
        if (status >= 200 && status < 300) {
            return;
        }
        String prefix = "ServiceNow account '" + name + "' ";
        if (status == 401 || status == 403) {
            if (tokens != null) {
                tokens.forget();
            }
            throw failed(new ServiceNowException(prefix + "refused our credentials for " + what + " (HTTP " + status
                    + "); check the account's " + (tokens != null ? "client-id, client-secret, " : "")
                    + "username and password and the user's roles", status));
        }
        if (status == 404) {
            lastCall.set(new LastCall(clock.instant(), true, "answered 404 for " + what));
            throw new ServiceNowException.NotFound(prefix + "has no such record for " + what + " (HTTP 404)");
        }
        if (status == 429) {
            Duration after = response.headers().firstValue("Retry-After").map(ServiceNowApi::seconds)
                    .orElse(DEFAULT_RETRY_AFTER);
            lastCall.set(new LastCall(clock.instant(), true, "rate limited for " + what));
            throw new RetryLater(after, prefix + "rate-limited " + what + "; retrying after " + after.toSeconds() + "s");
        }
        String detail = response.body() instanceof String text ? errorMessage(text) : null;
        throw failed(new ServiceNowException(prefix + "answered HTTP " + status + " for " + what
                + (detail == null ? "" : ": " + detail), status));
    }

    /** ServiceNow's own error text, {@code {"error":{"message","detail"}}}, if the answer has one. */
    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            String message = error.path("message").asText("");
            return message.isBlank() ? null : message.length() > 200 ? message.substring(0, 200) : message;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body).get("result");
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private JsonNode result(String what, HttpResponse<String> response) {
        JsonNode result = read(response.body());
        if (result == null || result.isNull()) {
            throw failed(new ServiceNowException("ServiceNow account '" + name + "' answered " + what
                    + " with something that is not a ServiceNow result (HTTP " + response.statusCode() + ")",
                    response.statusCode()));
        }
        succeeded();
        return result;
    }

    private void succeeded() {
        lastCall.set(new LastCall(clock.instant(), true, ""));
    }

    private ServiceNowException failed(ServiceNowException failure) {
        lastCall.set(new LastCall(clock.instant(), false, failure.getMessage()));
        return failure;
    }

    private String write(Map<String, Object> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException("case fields are plain strings and numbers", e);
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException httpDate) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String segment) {
        return encode(segment);
    }
}
