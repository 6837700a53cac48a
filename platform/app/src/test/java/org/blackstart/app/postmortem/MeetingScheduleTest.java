package org.blackstart.app.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MeetingScheduleTest {

    private static final PostmortemProperties DEFAULTS = new PostmortemProperties(Duration.ofDays(3), 5, Duration.ofHours(1),
            "postmortems@blackstart.local");

    @ParameterizedTest(name = "{0} started {1}: due {2}")
    @CsvSource({
            // a SEV1 meeting is due three calendar days later, weekend or not
            "SEV1, 2026-12-10T09:00:00Z, 2026-12-13T09:00:00Z",
            "SEV1, 2026-12-12T22:00:00Z, 2026-12-15T22:00:00Z",
            // a SEV2 meeting after five working days: Thursday to the next Thursday, skipping the weekend
            "SEV2, 2026-12-10T09:00:00Z, 2026-12-17T09:00:00Z",
            // started on a Friday: Monday..Friday of the next week
            "SEV2, 2026-12-11T15:30:00Z, 2026-12-18T15:30:00Z",
            // started on a Saturday: the weekend itself does not count
            "SEV2, 2026-12-12T10:00:00Z, 2026-12-18T10:00:00Z",
            // started on a Monday
            "SEV2, 2026-12-07T08:00:00Z, 2026-12-14T08:00:00Z",
            // an optional postmortem (SEV3) follows the working-day rule
            "SEV3, 2026-12-10T09:00:00Z, 2026-12-17T09:00:00Z"})
    void theMeetingIsDueBySeverity(String severity, String start, String due) {
        assertThat(MeetingSchedule.due(severity, Instant.parse(start), ZoneOffset.UTC, DEFAULTS)).isEqualTo(Instant.parse(due));
    }

    @Test
    void workingDaysAreCountedInTheCompanysTimeZone() {
        // given Friday 23:30 in Amsterdam, which is still Friday 22:30 UTC
        Instant fridayNightAmsterdam = Instant.parse("2026-12-11T22:30:00Z");

        // when / then five working days later is the next Friday, at the same local time
        assertThat(MeetingSchedule.due("SEV2", fridayNightAmsterdam, ZoneId.of("Europe/Amsterdam"), DEFAULTS))
                .isEqualTo(Instant.parse("2026-12-18T22:30:00Z"));
    }

    @Test
    void aNonPositiveDurationStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new PostmortemProperties(Duration.ZERO, 5, Duration.ofHours(1), "a@b.example"))
                .hasMessageContaining("blackstart.postmortem.sev1-meeting-within");
        assertThatThrownBy(() -> new PostmortemProperties(Duration.ofDays(3), 5, Duration.ofMinutes(-5), "a@b.example"))
                .hasMessageContaining("blackstart.postmortem.meeting-length");
    }
}
