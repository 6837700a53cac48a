package org.blackstart.app.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.security.login-throttle.*}: failed logins per client address (HTTP Basic on
 * {@code /api}, {@code /engine-rest} and {@code /actuator}, and the webapps' login form).
 *
 * @param maxFailures failed logins an address may have within {@code window}; the last of them blocks it
 * @param window      the period {@code maxFailures} is counted over
 * @param block       how long a blocked address gets 429 without its credentials being checked
 */
@ConfigurationProperties("blackstart.security.login-throttle")
@Validated
record LoginThrottleProperties(@Min(1) @Max(10_000) @DefaultValue("10") int maxFailures,
                               @NotNull @DurationMin(seconds = 1) @DefaultValue("10m") Duration window,
                               @NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration block) {
}
