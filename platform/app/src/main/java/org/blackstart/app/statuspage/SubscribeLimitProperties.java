package org.blackstart.app.statuspage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.statuspage.subscribe-limits.*}: how often {@code /status/subscribe} may be used,
 * so the form cannot be used to flood the platform or someone's mailbox. Besides these, an address
 * with a confirmation pending gets no second one until it is confirmed or has expired.
 *
 * @param perClientAddress requests one client address may make within {@code clientWindow}
 * @param clientWindow     the period {@code perClientAddress} is counted over
 * @param perEmailAddress  requests for one e-mail address, from anywhere, within {@code emailWindow}
 * @param emailWindow      the period {@code perEmailAddress} is counted over
 */
@ConfigurationProperties("blackstart.statuspage.subscribe-limits")
@Validated
record SubscribeLimitProperties(@Min(1) @DefaultValue("5") int perClientAddress,
                                @NotNull @DurationMin(seconds = 1) @DefaultValue("10m") Duration clientWindow,
                                @Min(1) @DefaultValue("3") int perEmailAddress,
                                @NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration emailWindow) {
}
