package org.blackstart.plugins.twilio;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.twilio.*}. Bound and validated only when {@code enabled} is true.
 *
 * @param enabled         off by default: a platform without a Twilio account simply has no telephony
 * @param accountSid      the account ({@code AC} and 32 hex digits); the user name of HTTP Basic
 * @param authToken       a secret: signs webhooks and authenticates API calls; never logged, masked in {@link #toString()}
 * @param fromNumber      the platform's Twilio number in E.164, caller id of pages and sender of texts
 * @param apiBaseUrl      Twilio's REST API; a simulation in tests
 * @param publicBaseUrl   how Twilio reaches this platform; callback URLs and signature checks are built from it,
 *                        so it must be exactly what Twilio calls (scheme, host, port, path prefix of a proxy)
 * @param ringTimeout     how long a page call rings before Twilio reports {@code no-answer} (5s..600s)
 * @param voice           Twilio voice for {@code <Say>}, e.g. {@code Polly.Amy}; empty for Twilio's default
 * @param language        language of {@code <Say>}, e.g. {@code en-GB}
 * @param incidentCallers E.164 numbers allowed to open a major incident by calling {@link #fromNumber}
 * @param requestTimeout  connect and response timeout of API calls
 * @param claimLease      how long a claimed page is reserved for the worker placing it
 * @param unavailableAfterAttempts from this attempt of a {@code notice.sms} task on, an unreachable API or a 5xx
 *                        ends the task with {@code CHANNEL_UNAVAILABLE}, so the process goes on with other channels
 * @param dependsOn       infrastructure this channel needs, so that fallbacks can pick an independent one
 */
@ConfigurationProperties("blackstart.plugins.twilio")
@Validated
public record TwilioProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @Pattern(regexp = "AC[0-9a-fA-F]{32}", message = "must be a Twilio Account SID: AC followed by 32 hex digits")
        String accountSid,
        @NotBlank String authToken,
        @NotBlank @Pattern(regexp = E164, message = "must be an E.164 number such as +31201234567") String fromNumber,
        @NotNull @DefaultValue("https://api.twilio.com") URI apiBaseUrl,
        @NotNull URI publicBaseUrl,
        @NotNull @DefaultValue("30s") Duration ringTimeout,
        String voice,
        @NotBlank @DefaultValue("en-US") String language,
        @DefaultValue("") List<@Pattern(regexp = E164, message = "must be an E.164 number such as +31201234567") String> incidentCallers,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @DefaultValue({"Twilio API", "public telephone network"}) List<String> dependsOn,
        @jakarta.validation.constraints.Min(1) @DefaultValue("3") int unavailableAfterAttempts) {

    static final String E164 = "\\+[1-9][0-9]{6,14}";

    public TwilioProperties {
        incidentCallers = incidentCallers == null ? List.of()
                : incidentCallers.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    @AssertTrue(message = "ring-timeout must be between 5s and 600s, the range Twilio accepts")
    boolean isRingTimeoutInTwiliosRange() {
        return ringTimeout == null || (ringTimeout.toSeconds() >= 5 && ringTimeout.toSeconds() <= 600);
    }

    @AssertTrue(message = "public-base-url must be an absolute http(s) URL without query, e.g. https://blackstart.example.com")
    boolean isPublicBaseUrlUsable() {
        return publicBaseUrl == null || isHttpBase(publicBaseUrl);
    }

    @AssertTrue(message = "api-base-url must be an absolute http(s) URL without query, e.g. https://api.twilio.com")
    boolean isApiBaseUrlUsable() {
        return apiBaseUrl == null || isHttpBase(apiBaseUrl);
    }

    private static boolean isHttpBase(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
    }

    /** The public base URL without a trailing slash, ready for a path to be appended. */
    String publicBase() {
        String base = publicBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String apiBase() {
        String base = apiBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    boolean mayOpenIncidents(String caller) {
        return caller != null && Set.copyOf(incidentCallers).contains(caller.strip());
    }

    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", authToken=" + (authToken == null ? "none" : "******")
                + ", fromNumber=" + fromNumber + ", apiBaseUrl=" + apiBaseUrl + ", publicBaseUrl=" + publicBaseUrl
                + ", ringTimeout=" + ringTimeout + ", incidentCallers=" + incidentCallers + "]";
    }
}
