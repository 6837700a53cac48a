package org.blackstart.app.incident;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.incidents.monitoring.*}: how long a resolved incident is watched, by severity, before it closes
 * by itself. Alerts of its group firing again in that time, or a commander, reopen it.
 *
 * @param untriaged for an incident resolved without a severity
 */
@ConfigurationProperties("blackstart.incidents.monitoring")
@Validated
public record MonitoringProperties(@NotNull @DefaultValue("24h") Duration sev1,
                                   @NotNull @DefaultValue("12h") Duration sev2,
                                   @NotNull @DefaultValue("4h") Duration sev3,
                                   @NotNull @DefaultValue("2h") Duration sev4,
                                   @NotNull @DefaultValue("12h") Duration untriaged) {

    public MonitoringProperties {
        Map.of("sev1", sev1, "sev2", sev2, "sev3", sev3, "sev4", sev4, "untriaged", untriaged).forEach((name, period) -> {
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("blackstart.incidents.monitoring." + name + " must be positive, was "
                        + period);
            }
        });
    }

    /** The period for {@code severity} (SEV1..SEV4); any other value, or none, is untriaged. */
    public Duration periodOf(String severity) {
        if (severity == null) {
            return untriaged;
        }
        return switch (severity) {
            case "SEV1" -> sev1;
            case "SEV2" -> sev2;
            case "SEV3" -> sev3;
            case "SEV4" -> sev4;
            default -> untriaged;
        };
    }
}
