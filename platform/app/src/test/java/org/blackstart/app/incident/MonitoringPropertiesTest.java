package org.blackstart.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MonitoringPropertiesTest {

    private static MonitoringProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("blackstart.incidents.monitoring", MonitoringProperties.class);
    }

    @Test
    void aSev1IsWatchedADayAndAnUntriagedIncidentHalfADayUnlessConfigured() {
        // given no configuration, and one with SEV3 set
        MonitoringProperties defaults = bind(Map.of());
        MonitoringProperties configured = bind(Map.of("blackstart.incidents.monitoring.sev3", "90m"));

        // then
        assertThat(defaults.periodOf("SEV1")).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.periodOf("SEV2")).isEqualTo(Duration.ofHours(12));
        assertThat(defaults.periodOf("SEV3")).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.periodOf("SEV4")).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.periodOf(null)).isEqualTo(Duration.ofHours(12));
        assertThat(defaults.periodOf("SEV9")).as("unknown severities count as untriaged").isEqualTo(Duration.ofHours(12));
        assertThat(configured.periodOf("SEV3")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aPeriodThatIsNotPositiveStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("blackstart.incidents.monitoring.sev2", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("blackstart.incidents.monitoring.sev2 must be positive");
    }
}
