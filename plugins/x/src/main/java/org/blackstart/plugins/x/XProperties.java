package org.blackstart.plugins.x;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.x.*}. Bound and validated only when {@code enabled} is true.
 *
 * @param enabled                  off by default: a platform without an X account simply does not post there
 * @param account                  the handle the notices are posted as, without {@code @}; names the ledger
 *                                 recipient and the post URLs ({@code https://x.com/<account>/status/<id>})
 * @param auth                     {@code oauth2} (user context with a refresh token) or {@code oauth1} (OAuth 1.0a)
 * @param apiBaseUrl               X's API; a simulation in tests
 * @param clientId                 OAuth 2.0 client id of the X app
 * @param clientSecret             OAuth 2.0 client secret, for a confidential client; a secret. Without it the
 *                                 client is public and sends its id in the form
 * @param refreshToken             the refresh token of the account's authorization (scope {@code offline.access});
 *                                 a secret. X rotates it on each refresh; the plugin keeps the newest in the
 *                                 platform's plugin state, and goes back to this one only when it is changed
 * @param consumerKey              OAuth 1.0a API key of the X app
 * @param consumerSecret           OAuth 1.0a API key secret; a secret
 * @param accessToken              OAuth 1.0a access token of the account; a secret
 * @param accessTokenSecret        OAuth 1.0a access token secret; a secret
 * @param requestTimeout           connect and response timeout of API calls
 * @param claimLease               how long a claimed post is reserved for the worker posting it
 * @param unavailableAfterAttempts from this task attempt on, an unreachable API or a 5xx ends the task with
 *                                 {@code CHANNEL_UNAVAILABLE}, so the process goes on with other channels
 * @param dependsOn                infrastructure this channel needs, so that fallbacks can pick an independent one
 */
@ConfigurationProperties("blackstart.plugins.x")
@Validated
public record XProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @Pattern(regexp = "@?[A-Za-z0-9_]{1,15}", message = "must be an X handle: 1 to 15 letters, digits or '_'")
        String account,
        @NotNull @DefaultValue("oauth2") Auth auth,
        @NotNull @DefaultValue("https://api.x.com") URI apiBaseUrl,
        String clientId,
        String clientSecret,
        String refreshToken,
        String consumerKey,
        String consumerSecret,
        String accessToken,
        String accessTokenSecret,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @Min(1) @DefaultValue("3") int unavailableAfterAttempts,
        @DefaultValue("x.com") List<String> dependsOn) {

    public enum Auth { OAUTH2, OAUTH1 }

    public XProperties {
        account = account == null ? null : account.strip().replaceFirst("^@", "");
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    @AssertTrue(message = "auth oauth2 needs client-id and refresh-token (client-secret too for a confidential client)")
    boolean isOauth2Complete() {
        return auth != Auth.OAUTH2 || (present(clientId) && present(refreshToken));
    }

    @AssertTrue(message = "auth oauth1 needs consumer-key, consumer-secret, access-token and access-token-secret")
    boolean isOauth1Complete() {
        return auth != Auth.OAUTH1 || (present(consumerKey) && present(consumerSecret) && present(accessToken)
                && present(accessTokenSecret));
    }

    @AssertTrue(message = "api-base-url must be an absolute http(s) URL without query, e.g. https://api.x.com")
    boolean isApiBaseUrlUsable() {
        return apiBaseUrl == null || (apiBaseUrl.isAbsolute() && apiBaseUrl.getHost() != null
                && apiBaseUrl.getRawQuery() == null
                && ("https".equalsIgnoreCase(apiBaseUrl.getScheme()) || "http".equalsIgnoreCase(apiBaseUrl.getScheme())));
    }

    boolean hasClientSecret() {
        return present(clientSecret);
    }

    URI endpoint(String path) {
        String base = apiBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** Where X shows the post with {@code id}. */
    String postUrl(String id) {
        return "https://x.com/" + account + "/status/" + id;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "XProperties[account=" + account + ", auth=" + auth + ", apiBaseUrl=" + apiBaseUrl + ", clientId=" + clientId
                + ", clientSecret=" + masked(clientSecret) + ", refreshToken=" + masked(refreshToken)
                + ", consumerKey=" + consumerKey + ", consumerSecret=" + masked(consumerSecret)
                + ", accessToken=" + masked(accessToken) + ", accessTokenSecret=" + masked(accessTokenSecret)
                + ", unavailableAfterAttempts=" + unavailableAfterAttempts + ", dependsOn=" + dependsOn + "]";
    }

    private static String masked(String secret) {
        return present(secret) ? "******" : "none";
    }
}
