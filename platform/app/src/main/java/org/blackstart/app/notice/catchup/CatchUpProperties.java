package org.blackstart.app.notice.catchup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.notices.catch-up.*}.
 *
 * @param checkInterval how often one node asks whether the e-mail channel answers again
 * @param window        how long after a skip its recipients are still caught up
 * @param retryWait     how long a catch-up whose mail failed again waits before it tries once more (sooner when the
 *                      channel is seen answering)
 * @param sample        how many of the recipients the agent's task names
 */
@ConfigurationProperties("blackstart.notices.catch-up")
@Validated
public record CatchUpProperties(@NotNull @DefaultValue("1m") Duration checkInterval,
                                @NotNull @DefaultValue("7d") Duration window,
                                @NotNull @DefaultValue("5m") Duration retryWait,
                                @Min(1) @Max(50) @DefaultValue("5") int sample) {

    public CatchUpProperties {
        if (checkInterval.toMillis() < 100) {
            throw new IllegalArgumentException("blackstart.notices.catch-up.check-interval must be at least 100ms, was "
                    + checkInterval);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("blackstart.notices.catch-up.window must be positive, was " + window);
        }
        if (retryWait.toSeconds() < 1) {
            throw new IllegalArgumentException("blackstart.notices.catch-up.retry-wait must be at least 1s, was " + retryWait);
        }
    }
}
