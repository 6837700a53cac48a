package org.blackstart.plugins.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.blackstart.spi.PluginState;

/**
 * The OAuth 2.0 user-context tokens of the X account. X rotates the refresh token on every refresh
 * ({@code POST /2/oauth2/token}, {@code grant_type=refresh_token}) and refuses the old one after, so
 * the configured refresh token works exactly once: the plugin keeps the newest refresh token and
 * access token in {@link PluginState}, where they survive restarts and are shared by every node.
 * When an operator configures a new refresh token (a new authorization), the plugin notices by its
 * fingerprint and starts from it.
 */
class OAuth2Tokens {

    static final String PLUGIN = "x";
    static final String ACCESS_TOKEN = "oauth2.access-token";
    static final String REFRESH_TOKEN = "oauth2.refresh-token";
    /** SHA-256 of the configured refresh token the stored tokens descend from. */
    static final String ORIGIN = "oauth2.origin";

    private final XProperties properties;
    private final PluginState state;
    private final XHttp http;
    private final ObjectMapper json = new ObjectMapper();

    OAuth2Tokens(XProperties properties, PluginState state, XHttp http) {
        this.properties = properties;
        this.state = state;
        this.http = http;
    }

    /** The access token to use now: the stored one, or a fresh one when there is none yet. */
    synchronized String accessToken() {
        if (fromConfiguredOrigin()) {
            Optional<String> stored = state.get(PLUGIN, ACCESS_TOKEN);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        return refresh();
    }

    /**
     * X refused {@code rejected} (expired after its two hours, or revoked): get a new one, unless
     * another thread or node already did.
     */
    synchronized String renewAfterRejection(String rejected) {
        if (fromConfiguredOrigin()) {
            Optional<String> stored = state.get(PLUGIN, ACCESS_TOKEN);
            if (stored.isPresent() && !stored.get().equals(rejected)) {
                return stored.get();
            }
        }
        return refresh();
    }

    private String refresh() {
        String used = currentRefreshToken();
        HttpResponse<String> response = requestTokens(used);
        if (response.statusCode() == 400 && fromConfiguredOrigin()) {
            // Another node may have rotated the token between our read and our request: its new one is stored.
            String stored = currentRefreshToken();
            if (!stored.equals(used)) {
                response = requestTokens(stored);
            }
        }
        if (response.statusCode() != 200) {
            throw refusal(response);
        }
        try {
            JsonNode tokens = json.readTree(response.body());
            String access = text(tokens, "access_token");
            if (access == null) {
                throw new XApiException("X's token endpoint answered 200 without an access_token", 200, null, null);
            }
            String rotated = text(tokens, "refresh_token");
            state.put(PLUGIN, ORIGIN, fingerprint(properties.refreshToken()));
            if (rotated != null) {
                state.put(PLUGIN, REFRESH_TOKEN, rotated);
            }
            state.put(PLUGIN, ACCESS_TOKEN, access);
            return access;
        } catch (IOException e) {
            throw new XApiException("X's token endpoint answered 200 with a body that is not JSON", 200, null, e);
        }
    }

    private HttpResponse<String> requestTokens(String refreshToken) {
        StringBuilder form = new StringBuilder("grant_type=refresh_token&refresh_token=")
                .append(URLEncoder.encode(refreshToken, StandardCharsets.UTF_8));
        URI uri = properties.endpoint("/2/oauth2/token");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (properties.hasClientSecret()) {
            // A confidential client authenticates with HTTP Basic; a public one names itself in the form.
            String credentials = URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.append("&client_id=").append(URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8));
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), "a token refresh");
    }

    private XApiException refusal(HttpResponse<String> response) {
        String error = null;
        String description = null;
        try {
            JsonNode body = json.readTree(response.body());
            error = text(body, "error");
            description = text(body, "error_description");
        } catch (IOException | RuntimeException notJson) {
            // A proxy answered; the status says enough.
        }
        String message = "X refused to refresh the OAuth 2.0 access token of @" + properties.account() + ": HTTP "
                + response.statusCode() + (error == null ? "" : " " + error)
                + (description == null ? "" : " (" + description + ")");
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            message += "; the refresh token is spent or revoked: authorize the account again and set "
                    + "blackstart.plugins.x.refresh-token to the new refresh token";
        }
        return new XApiException(message, response.statusCode(), null, null);
    }

    private String currentRefreshToken() {
        if (fromConfiguredOrigin()) {
            return state.get(PLUGIN, REFRESH_TOKEN).orElse(properties.refreshToken());
        }
        return properties.refreshToken();
    }

    /** True when the stored tokens were obtained from the refresh token configured now. */
    private boolean fromConfiguredOrigin() {
        return state.get(PLUGIN, ORIGIN).map(fingerprint(properties.refreshToken())::equals).orElse(false);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String fingerprint(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Objects.requireNonNull(secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
