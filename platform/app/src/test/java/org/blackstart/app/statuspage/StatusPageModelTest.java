package org.blackstart.app.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPageModelTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final StatusStore store = mock(StatusStore.class);
    private final StatusPageModel model = new StatusPageModel(store, new StatusPageProperties("Service status",
            "http://localhost:8080", 90, List.of(new StatusPageProperties.StatusComponent("mail", "Mail delivery", null, null),
            new StatusPageProperties.StatusComponent("web", "Website", null, null)), null, null),
            Clock.fixed(NOW, ZoneOffset.UTC), mock(PublicReports.class));

    private static StatusStore.Incident incident(String key, String phase, ComponentState impact, String... components) {
        return new StatusStore.Incident(key, "Trouble " + key, phase, impact, List.of(components),
                NOW.minusSeconds(3600), NOW.minusSeconds(60), null);
    }

    private StatusPageModel.Snapshot with(StatusStore.Incident... incidents) {
        when(store.incidentsSince(any())).thenReturn(List.of(incidents));
        when(store.maintenanceSince(any())).thenReturn(List.of());
        return model.snapshot();
    }

    @Test
    void aMajorOutageWhoseFixIsMonitoredShowsItsComponentsAsRecovering() {
        // given a SEV1 incident on mail whose latest update says the fix is being monitored
        StatusPageModel.Snapshot snapshot = with(incident("INC-2026-0001", "monitoring", ComponentState.MAJOR_OUTAGE, "mail"));

        // when / then
        assertThat(model.state(snapshot, "mail")).isEqualTo(ComponentState.RECOVERING);
        assertThat(model.state(snapshot, "web")).isEqualTo(ComponentState.OPERATIONAL);
        assertThat(model.overall(snapshot)).isEqualTo(ComponentState.RECOVERING);
        assertThat(StatusPageModel.banner(model.overall(snapshot))).isEqualTo("Recovering: a fix is being monitored");
    }

    @Test
    void anotherIncidentStillDisruptingTheComponentWins() {
        // given one incident recovering and another still degrading the same component
        StatusPageModel.Snapshot snapshot = with(
                incident("INC-2026-0001", "monitoring", ComponentState.MAJOR_OUTAGE, "mail"),
                incident("INC-2026-0002", "investigating", ComponentState.DEGRADED_PERFORMANCE, "mail"));

        // when / then the worst cause across incidents wins
        assertThat(model.state(snapshot, "mail")).isEqualTo(ComponentState.DEGRADED_PERFORMANCE);
    }

    @Test
    void beforeTheMonitoringUpdateTheComponentShowsTheOutage() {
        // given the same incident, still being investigated
        StatusPageModel.Snapshot snapshot = with(incident("INC-2026-0001", "identified", ComponentState.MAJOR_OUTAGE, "mail"));

        // when / then
        assertThat(model.state(snapshot, "mail")).isEqualTo(ComponentState.MAJOR_OUTAGE);
    }

    @Test
    void theHistoryBarsKeepTheWorstTheIncidentDid() {
        // given an incident now recovering after a major outage
        StatusStore.Incident recovering = incident("INC-2026-0001", "monitoring", ComponentState.MAJOR_OUTAGE, "mail");

        // when
        List<HistoryBars.Bar> bars = HistoryBars.of("mail", NOW.atZone(ZoneOffset.UTC).toLocalDate(), 1, List.of(recovering), List.of());

        // then
        assertThat(bars.get(0).state()).isEqualTo(ComponentState.MAJOR_OUTAGE);
    }
}
