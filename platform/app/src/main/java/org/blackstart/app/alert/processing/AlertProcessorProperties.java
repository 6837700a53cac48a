package org.blackstart.app.alert.processing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.alerts.processor.*}.
 *
 * @param enabled      whether this node processes alerts (any node may; one at a time does)
 * @param batchSize    inbox rows per cycle and transaction
 * @param pollInterval how often to look for rows another node received, besides being woken by this node's intake
 * @param maxAttempts  attempts of a row that fails on its own before it is set aside as failed
 * @param retryDelay   wait before the next attempt of such a row, times the attempts so far
 */
@ConfigurationProperties("blackstart.alerts.processor")
@Validated
public record AlertProcessorProperties(@DefaultValue("true") boolean enabled,
                                       @Min(1) @Max(10000) @DefaultValue("1000") int batchSize,
                                       @NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration pollInterval,
                                       @Min(1) @Max(100) @DefaultValue("3") int maxAttempts,
                                       @NotNull @DefaultValue("10s") Duration retryDelay) {
}
