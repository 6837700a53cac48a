package org.blackstart.plugins.restscheduler;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.rest-scheduler.*}. Bound and validated only when {@code enabled} is true.
 *
 * @param enabled        off by default
 * @param baseUrl        where the scheduler's API lives, e.g. {@code https://scheduler.example/api}
 * @param token          the bearer token the scheduler gave Blackstart; a secret
 * @param requestTimeout connect and response timeout of each call
 * @param claimLease     how long a claimed run or cancellation is reserved for the worker doing it
 * @param retryAfter     how long to wait after a refused token or an unavailable scheduler before trying again
 * @param dependsOn      infrastructure the scheduler needs; its host when not set
 */
@ConfigurationProperties("blackstart.plugins.rest-scheduler")
@Validated
public record RestSchedulerProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull URI baseUrl,
        @NotBlank String token,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @NotNull @DefaultValue("1m") Duration retryAfter,
        List<String> dependsOn) {

    public RestSchedulerProperties {
        dependsOn = dependsOn == null || dependsOn.isEmpty()
                ? (baseUrl == null || baseUrl.getHost() == null ? List.of() : List.of(baseUrl.getHost()))
                : List.copyOf(dependsOn);
    }

    @AssertTrue(message = "base-url must be an absolute http(s) URL without query, e.g. https://scheduler.example/api")
    boolean isBaseUrlUsable() {
        return baseUrl == null || (baseUrl.isAbsolute() && baseUrl.getHost() != null && baseUrl.getRawQuery() == null
                && ("https".equalsIgnoreCase(baseUrl.getScheme()) || "http".equalsIgnoreCase(baseUrl.getScheme())));
    }

    URI endpoint(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    @Override
    public String toString() {
        return "RestSchedulerProperties[baseUrl=" + baseUrl + ", token="
                + (token == null || token.isBlank() ? "none" : "******") + ", requestTimeout=" + requestTimeout
                + ", retryAfter=" + retryAfter + ", dependsOn=" + dependsOn + "]";
    }
}
