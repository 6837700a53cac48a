package org.blackstart.app.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryBarsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    private static StatusStore.Incident incident(String key, ComponentState impact, String from, String to, String... components) {
        return new StatusStore.Incident(key, "Trouble " + key, to == null ? "investigating" : "resolved", impact,
                List.of(components), Instant.parse(from), Instant.parse(from), to == null ? null : Instant.parse(to));
    }

    @Test
    void ninetyBarsOldestFirstEndingToday() {
        List<HistoryBars.Bar> bars = HistoryBars.of("mail", TODAY, 90, List.of(), List.of());

        assertThat(bars).hasSize(90);
        assertThat(bars.get(0).date()).isEqualTo(TODAY.minusDays(89));
        assertThat(bars.get(89).date()).isEqualTo(TODAY);
        assertThat(bars).allMatch(b -> b.state() == ComponentState.OPERATIONAL);
        assertThat(bars.get(89).title()).isEqualTo("2026-03-10: no incidents");
    }

    @Test
    void eachDayShowsTheWorstOfItsIncidentsOnThatComponent() {
        List<StatusStore.Incident> incidents = List.of(
                // spans midnight: both days are coloured
                incident("INC-2026-0001", ComponentState.PARTIAL_OUTAGE, "2026-03-07T23:00:00Z", "2026-03-08T01:00:00Z", "mail"),
                incident("INC-2026-0002", ComponentState.MAJOR_OUTAGE, "2026-03-08T10:00:00Z", "2026-03-08T11:00:00Z", "mail", "webmail"),
                incident("INC-2026-0003", ComponentState.MAJOR_OUTAGE, "2026-03-09T10:00:00Z", "2026-03-09T11:00:00Z", "api"),
                // still open: every day since it started
                incident("INC-2026-0004", ComponentState.DEGRADED_PERFORMANCE, "2026-03-09T12:00:00Z", null, "mail"));

        List<HistoryBars.Bar> bars = HistoryBars.of("mail", TODAY, 5, incidents, List.of());

        assertThat(bars).extracting(HistoryBars.Bar::state).containsExactly(ComponentState.OPERATIONAL,
                ComponentState.PARTIAL_OUTAGE, ComponentState.MAJOR_OUTAGE, ComponentState.DEGRADED_PERFORMANCE,
                ComponentState.DEGRADED_PERFORMANCE);
        assertThat(bars.get(2).title()).startsWith("2026-03-08: ")
                .contains("Partial outage: Trouble INC-2026-0001 (INC-2026-0001)", "Major outage: Trouble INC-2026-0002");
        assertThat(bars.get(3).title()).doesNotContain("INC-2026-0003");
    }

    @Test
    void aStateTheCommanderChoseForAComponentColoursItsDaysInsteadOfTheSeverity() {
        // given a SEV1 (major outage) on mail and webmail, mail set to a partial outage by the commander
        StatusStore.Incident incident = new StatusStore.Incident("INC-2026-0005", "Rack down", "identified",
                ComponentState.MAJOR_OUTAGE, List.of("mail", "webmail"), Instant.parse("2026-03-10T01:00:00Z"),
                Instant.parse("2026-03-10T01:00:00Z"), null, Map.of("mail", ComponentState.PARTIAL_OUTAGE));

        // when
        HistoryBars.Bar mail = HistoryBars.of("mail", TODAY, 1, List.of(incident), List.of()).get(0);
        HistoryBars.Bar webmail = HistoryBars.of("webmail", TODAY, 1, List.of(incident), List.of()).get(0);

        // then
        assertThat(mail.state()).isEqualTo(ComponentState.PARTIAL_OUTAGE);
        assertThat(mail.title()).isEqualTo("2026-03-10: Partial outage: Rack down (INC-2026-0005)");
        assertThat(webmail.state()).isEqualTo(ComponentState.MAJOR_OUTAGE);
        assertThat(incident.worstImpact()).isEqualTo(ComponentState.MAJOR_OUTAGE);
    }

    @Test
    void anIncidentIsAsBadAsTheWorstOfItsComponents() {
        // given a SEV1 whose only component the commander set to degraded performance
        StatusStore.Incident incident = new StatusStore.Incident("INC-2026-0006", "Slow", "investigating",
                ComponentState.MAJOR_OUTAGE, List.of("api"), Instant.parse("2026-03-10T01:00:00Z"),
                Instant.parse("2026-03-10T01:00:00Z"), null, Map.of("api", ComponentState.DEGRADED_PERFORMANCE));

        // then
        assertThat(incident.worstImpact()).isEqualTo(ComponentState.DEGRADED_PERFORMANCE);
        assertThat(incident.impactOn("mail")).as("a component it does not choose for: the severity's")
                .isEqualTo(ComponentState.MAJOR_OUTAGE);
    }

    @Test
    void maintenanceColoursItsDaysUnlessAnIncidentWasWorseAndCancelledWindowsDoNot() {
        List<StatusStore.Maintenance> windows = List.of(
                new StatusStore.Maintenance("MNT-2026-0001", "Upgrade", List.of("mail"),
                        OffsetDateTime.parse("2026-03-09T22:00:00+01:00"), OffsetDateTime.parse("2026-03-10T02:00:00+01:00"),
                        null, "completed", Instant.parse("2026-03-10T01:00:00Z")),
                new StatusStore.Maintenance("MNT-2026-0002", "Never happened", List.of("mail"),
                        OffsetDateTime.parse("2026-03-07T10:00:00Z"), OffsetDateTime.parse("2026-03-07T11:00:00Z"),
                        null, "cancelled", Instant.parse("2026-03-06T01:00:00Z")));

        List<HistoryBars.Bar> bars = HistoryBars.of("mail", TODAY, 4, List.of(), windows);

        assertThat(bars).extracting(HistoryBars.Bar::code).containsExactly("operational", "operational",
                "under-maintenance", "under-maintenance");
        assertThat(bars.get(3).title()).isEqualTo("2026-03-10: Maintenance: Upgrade (MNT-2026-0001)");
    }
}
