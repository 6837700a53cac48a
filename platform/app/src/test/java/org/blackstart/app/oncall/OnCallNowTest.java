package org.blackstart.app.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnCallNowTest {

    private static final Layer PRIMARY = new Layer("primary", RotationType.WEEKLY, null, LocalTime.of(9, 0), DayOfWeek.MONDAY,
            LocalDate.of(2026, 1, 5), List.of("ann", "bob"));
    private static final Layer DATABASES = new Layer("databases", RotationType.DAILY, null, LocalTime.of(9, 0), null,
            LocalDate.of(2026, 1, 5), List.of("ann", "dan"));

    @Test
    void everyLayerContributesItsPersonOnce() {
        Schedule schedule = new Schedule(ZoneId.of("Europe/Amsterdam"), List.of(PRIMARY, DATABASES), List.of());

        // Monday 2026-01-05 10:00 CET: ann in both layers; Tuesday: ann and dan.
        assertThat(OnCallNow.of(schedule, Instant.parse("2026-01-05T09:00:00Z")).people()).containsExactly("ann");
        assertThat(OnCallNow.of(schedule, Instant.parse("2026-01-06T09:00:00Z")).people()).containsExactly("ann", "dan");
    }

    @Test
    void anOverrideReplacesTheLayersFromItsStartUntilItsEnd() {
        ScheduleOverride sick = new ScheduleOverride("cem", Instant.parse("2026-01-06T12:00:00Z"), Instant.parse("2026-01-07T12:00:00Z"));
        Schedule schedule = new Schedule(ZoneId.of("Europe/Amsterdam"), List.of(PRIMARY, DATABASES), List.of(sick));

        assertThat(OnCallNow.of(schedule, Instant.parse("2026-01-06T11:59:59Z")).people()).containsExactly("ann", "dan");
        OnCallNow during = OnCallNow.of(schedule, Instant.parse("2026-01-06T12:00:00Z"));
        assertThat(during.people()).containsExactly("cem");
        assertThat(during.override()).isEqualTo(sick);
        assertThat(during.shifts()).extracting(Rotation.Shift::person).containsExactly("ann", "dan");
        assertThat(OnCallNow.of(schedule, Instant.parse("2026-01-07T12:00:00Z")).people()).containsExactly("ann");
    }
}
