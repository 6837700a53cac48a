package org.blackstart.app.alert.heartbeat;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.alerts.heartbeat-checker.*}.
 *
 * @param enabled  whether this node checks heartbeats (every node may: exactly one fires each silence)
 * @param interval how often; a missed heartbeat is noticed at most this late
 */
@ConfigurationProperties("blackstart.alerts.heartbeat-checker")
@Validated
public record HeartbeatCheckerProperties(@DefaultValue("true") boolean enabled,
                                         @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration interval) {
}
