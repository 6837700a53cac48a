package org.blackstart.app.alert.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code blackstart.alerts.pending}: alerts accepted but not yet deduplicated and grouped, across
 * all nodes. It should stay near zero; a growing number means processing does not keep up with
 * what the sources send (or is stopped), which an operator wants to alert on.
 */
@Component
class PendingAlertsGauge {

    PendingAlertsGauge(MeterRegistry registry, JdbcTemplate jdbc) {
        Gauge.builder("blackstart.alerts.pending",
                        () -> jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert_inbox WHERE processed_at IS NULL", Long.class))
                .description("alerts stored but not yet processed")
                .baseUnit("alerts")
                .register(registry);
    }
}
