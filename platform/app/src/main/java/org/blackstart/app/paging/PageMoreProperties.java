package org.blackstart.app.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.paging.page-more.*}: how a page to one person or one schedule (not a policy) runs.
 *
 * @param timeout      how long it waits for an acknowledgement before the commander is told nobody answered
 * @param callAttempts calls to the person before an unanswered call counts as unanswered (1..5)
 */
@ConfigurationProperties("blackstart.paging.page-more")
@Validated
public record PageMoreProperties(@NotNull @DefaultValue("5m") Duration timeout,
                                 @Min(value = 1, message = "must be between 1 and 5")
                                 @Max(value = 5, message = "must be between 1 and 5") @DefaultValue("2") int callAttempts) {

    public PageMoreProperties {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("blackstart.paging.page-more.timeout must be a positive duration such as 5m, was "
                    + timeout);
        }
    }

    /** The defaults. */
    static PageMoreProperties defaults() {
        return new PageMoreProperties(Duration.ofMinutes(5), 2);
    }
}
