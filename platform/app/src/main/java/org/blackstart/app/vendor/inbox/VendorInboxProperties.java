package org.blackstart.app.vendor.inbox;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.vendors.inbox.*}.
 *
 * @param redeliveryInterval how often one node (under the lease {@code vendor-inbox-redelivery}) looks
 *                           for messages stored but never delivered
 * @param redeliverAfter     how old such a message must be: younger ones are still being delivered
 *                           by the node that stored them
 */
@ConfigurationProperties("blackstart.vendors.inbox")
@Validated
public record VendorInboxProperties(@NotNull @DefaultValue("30s") Duration redeliveryInterval,
                                    @NotNull @DefaultValue("1m") Duration redeliverAfter) {

    @AssertTrue(message = "blackstart.vendors.inbox.redelivery-interval and redeliver-after must be positive")
    public boolean isPositive() {
        return redeliveryInterval != null && redeliverAfter != null && !redeliveryInterval.isNegative()
                && !redeliveryInterval.isZero() && !redeliverAfter.isNegative() && !redeliverAfter.isZero();
    }
}
