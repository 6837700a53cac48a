package org.blackstart.plugins.mastodon;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.mastodon.*}. Bound and validated only when {@code enabled} is true.
 *
 * @param enabled                  off by default
 * @param instanceUrl              the Mastodon instance the account lives on, e.g. {@code https://mastodon.social}
 * @param accessToken              the account's access token (scope {@code write:statuses}); a secret
 * @param visibility               of the posts: {@code public}, {@code unlisted}, {@code private} or {@code direct}
 * @param requestTimeout           connect and response timeout of API calls
 * @param claimLease               how long a claimed post is reserved for the worker posting it
 * @param unavailableAfterAttempts from this task attempt on, an unreachable instance or a 5xx ends the task with
 *                                 {@code CHANNEL_UNAVAILABLE}
 * @param dependsOn                infrastructure this channel needs; the instance's host when not set
 */
@ConfigurationProperties("blackstart.plugins.mastodon")
@Validated
public record MastodonProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull URI instanceUrl,
        @NotBlank String accessToken,
        @NotNull @DefaultValue("public") Visibility visibility,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @Min(1) @DefaultValue("3") int unavailableAfterAttempts,
        List<String> dependsOn) {

    public enum Visibility {
        PUBLIC, UNLISTED, PRIVATE, DIRECT;

        String apiValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MastodonProperties {
        dependsOn = dependsOn == null || dependsOn.isEmpty()
                ? (instanceUrl == null || instanceUrl.getHost() == null ? List.of() : List.of(instanceUrl.getHost()))
                : List.copyOf(dependsOn);
    }

    @AssertTrue(message = "instance-url must be an absolute http(s) URL without path or query, e.g. https://mastodon.social")
    boolean isInstanceUrlUsable() {
        return instanceUrl == null || (instanceUrl.isAbsolute() && instanceUrl.getHost() != null
                && instanceUrl.getRawQuery() == null
                && ("https".equalsIgnoreCase(instanceUrl.getScheme()) || "http".equalsIgnoreCase(instanceUrl.getScheme())));
    }

    URI endpoint(String path) {
        String base = instanceUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** The ledger's recipient of the posts: the instance, as one token posts as one account there. */
    String ledgerRecipient() {
        return instanceUrl.getHost() + (instanceUrl.getPort() == -1 ? "" : ":" + instanceUrl.getPort());
    }

    @Override
    public String toString() {
        return "MastodonProperties[instanceUrl=" + instanceUrl + ", accessToken="
                + (accessToken == null || accessToken.isBlank() ? "none" : "******") + ", visibility=" + visibility
                + ", unavailableAfterAttempts=" + unavailableAfterAttempts + ", dependsOn=" + dependsOn + "]";
    }
}
