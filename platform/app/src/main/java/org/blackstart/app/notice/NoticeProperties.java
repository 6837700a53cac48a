package org.blackstart.app.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.notices.*}.
 *
 * @param defaultLanguage language of public posts, and of customers whose language has no template
 * @param signature       how notices are signed
 * @param cadence         per severity ({@code SEV1}...), how long after a notice the next update is due
 * @param defaultCadence  for severities {@link #cadence()} does not name
 * @param overdueAfter    how long after it is due an update counts as overdue and the commander is told
 * @param outageMemory    how long infrastructure a channel found down is skipped by the next notices
 *                        before it is tried again
 */
@ConfigurationProperties("blackstart.notices")
@Validated
public record NoticeProperties(@NotBlank @Pattern(regexp = "[a-z]{2,3}") @DefaultValue("en") String defaultLanguage,
                               @NotBlank @DefaultValue("The operations team") String signature,
                               @NotNull @DefaultValue({}) Map<String, Duration> cadence,
                               @NotNull @DefaultValue("2h") Duration defaultCadence,
                               @NotNull @DefaultValue("10m") Duration overdueAfter,
                               @NotNull @DefaultValue("15m") Duration outageMemory) {

    @ConstructorBinding
    public NoticeProperties {
        for (Map.Entry<String, Duration> entry : cadence.entrySet()) {
            if (!entry.getKey().matches("SEV[1-9]")) {
                throw new IllegalArgumentException("blackstart.notices.cadence." + entry.getKey()
                        + ": severities are named SEV1, SEV2, ...");
            }
            if (entry.getValue().isNegative() || entry.getValue().isZero()) {
                throw new IllegalArgumentException("blackstart.notices.cadence." + entry.getKey() + " must be positive");
            }
        }
    }

    /** Defaults for everything but the language and the signature. */
    public NoticeProperties(String defaultLanguage, String signature) {
        this(defaultLanguage, signature, Map.of(), Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofMinutes(15));
    }

    /** How long after a notice the next update of an incident of {@code severity} is due. */
    public Duration cadenceOf(String severity) {
        return severity == null ? defaultCadence : cadence.getOrDefault(severity, defaultCadence);
    }
}
