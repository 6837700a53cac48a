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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access tokens of one {@code oauth} account: the password grant at {@code /oauth_token.do}, cached
 * until a minute before they expire, so that a burst of case steps asks once.
 */
final class OAuthTokens {

    static final String TOKEN_PATH = "/oauth_token.do";
    private static final Duration EARLY = Duration.ofSeconds(60);

    private final String accountName;
    private final ServiceNowProperties.Account account;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant expires = Instant.MIN;

    OAuthTokens(String accountName, ServiceNowProperties.Account account, HttpClient http, Duration timeout, Clock clock) {
        this.accountName = accountName;
        this.account = account;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    synchronized String accessToken() {
        if (token != null && clock.instant().isBefore(expires)) {
            return token;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", account.clientId());
        form.put("client_secret", account.clientSecret());
        form.put("username", account.username());
        form.put("password", account.password());
        HttpRequest request = HttpRequest.newBuilder(URI.create(account.base() + TOKEN_PATH)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceNowException("ServiceNow account '" + accountName + "': token endpoint unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceNowException("interrupted while asking ServiceNow for a token", e);
        }
        if (response.statusCode() != 200) {
            throw new ServiceNowException("ServiceNow account '" + accountName + "' refused the OAuth password grant (HTTP "
                    + response.statusCode() + "); check client-id, client-secret, username and password", response.statusCode());
        }
        try {
            JsonNode answer = json.readTree(response.body());
            String issued = answer.path("access_token").asText("");
            if (issued.isEmpty()) {
                throw new ServiceNowException("ServiceNow account '" + accountName
                        + "' answered the password grant without an access_token", response.statusCode());
            }
            long seconds = answer.path("expires_in").asLong(1800);
            token = issued;
            expires = clock.instant().plusSeconds(seconds).minus(EARLY);
            return token;
        } catch (IOException notJson) {
            throw new ServiceNowException("ServiceNow account '" + accountName
                    + "' answered the password grant with something that is not JSON", response.statusCode());
        }
    }

    /** Forgets the cached token, after the instance refused it (revoked, or expired early). */
    synchronized void forget() {
        token = null;
        expires = Instant.MIN;
    }

    static String formEncode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }
}
