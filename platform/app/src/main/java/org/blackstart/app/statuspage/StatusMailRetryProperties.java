package org.blackstart.app.statuspage;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.statuspage.mail-retry.*}: how status page mail (a subscription's confirmation) waits out a mail
 * outage. The e-mail channel says it is unavailable after its own retries; the mail then waits {@code first-wait},
 * twice that, and so on up to {@code max-wait} between tries, and is given up {@code give-up-after} the first such
 * answer. It is tried at once when the platform sees mail answering again.
 */
@ConfigurationProperties("blackstart.statuspage.mail-retry")
@Validated
public record StatusMailRetryProperties(@NotNull @DefaultValue("1m") Duration firstWait,
                                        @NotNull @DefaultValue("30m") Duration maxWait,
                                        @NotNull @DefaultValue("12h") Duration giveUpAfter) {

    public StatusMailRetryProperties {
        if (firstWait.toSeconds() < 1) {
            throw new IllegalArgumentException("blackstart.statuspage.mail-retry.first-wait must be at least 1s, was " + firstWait);
        }
        if (maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("blackstart.statuspage.mail-retry.max-wait must not be shorter than first-wait ("
                    + firstWait + "), was " + maxWait);
        }
        if (giveUpAfter.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("blackstart.statuspage.mail-retry.give-up-after must not be shorter than "
                    + "first-wait (" + firstWait + "), was " + giveUpAfter);
        }
    }
}
