package org.blackstart.app.alert.heartbeat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.blackstart.app.incident.Severity;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.heartbeats.<name>}: systems that must check in ({@code POST /api/heartbeats/<name>})
 * at least every {@code interval}; {@code grace} later without a check-in, an incident opens.
 */
@ConfigurationProperties("blackstart")
@Validated
public record HeartbeatProperties(@Valid @DefaultValue Map<String, Heartbeat> heartbeats) {

    public HeartbeatProperties {
        for (String name : heartbeats.keySet()) {
            if (!name.matches("[A-Za-z0-9._-]{1,128}")) {
                throw new IllegalArgumentException("blackstart.heartbeats." + name
                        + ": a heartbeat name may only hold letters, digits, '.', '_' and '-' (it is part of the check-in URL)");
            }
        }
    }

    /**
     * @param title            the incident's title; placeholders as in alert rules, e.g. {@code {{labels.heartbeat}}}
     * @param escalationPolicy who is paged
     */
    public record Heartbeat(@NotNull @DurationMin(seconds = 1) Duration interval,
                            @NotNull @DurationMin(seconds = 0) @DefaultValue("1m") Duration grace,
                            @NotNull @DefaultValue("SEV2") Severity severity,
                            @DefaultValue("Heartbeat {{labels.heartbeat}} missed") String title,
                            @DefaultValue List<String> affectedServices,
                            String escalationPolicy) {

        /** How long after the last check-in (or platform start) silence counts as missed. */
        public Duration deadline() {
            return interval.plus(grace);
        }
    }
}
