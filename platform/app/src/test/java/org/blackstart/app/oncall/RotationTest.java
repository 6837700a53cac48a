package org.blackstart.app.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RotationTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Rotation weekly(String... people) {
        Layer layer = new Layer("weekly", RotationType.WEEKLY, null, LocalTime.of(9, 0), DayOfWeek.MONDAY,
                LocalDate.of(2026, 1, 5), List.of(people));
        return new Rotation(layer, "weekly", AMSTERDAM);
    }

    private static Rotation daily(LocalTime handoff, LocalDate start, String... people) {
        return new Rotation(new Layer(null, RotationType.DAILY, null, handoff, null, start, List.of(people)), "daily", AMSTERDAM);
    }

    private static Rotation.Shift shift(Rotation rotation, String instant) {
        return rotation.shiftAt(Instant.parse(instant)).orElseThrow(() -> new AssertionError("nobody on call at " + instant));
    }

    @Test
    void nobodyIsOnCallBeforeTheFirstHandOff() {
        assertThat(weekly("ann", "bob").shiftAt(Instant.parse("2026-01-05T07:59:59Z"))).isEmpty();
    }

    @Test
    void weeklyHandsOffOnMondayAt0900LocalToTheNextParticipant() {
        Rotation rotation = weekly("ann", "bob");

        Rotation.Shift first = shift(rotation, "2026-01-05T08:00:00Z"); // 09:00 CET
        assertThat(first).isEqualTo(new Rotation.Shift("weekly", "ann",
                Instant.parse("2026-01-05T08:00:00Z"), Instant.parse("2026-01-12T08:00:00Z")));
        assertThat(shift(rotation, "2026-01-12T07:59:59Z").person()).isEqualTo("ann");
        assertThat(shift(rotation, "2026-01-12T08:00:00Z").person()).isEqualTo("bob");
        assertThat(shift(rotation, "2026-01-19T08:00:00Z").person()).isEqualTo("ann");
    }

    @Test
    void weeklyFirstHandOffIsTheHandOffDayOnOrAfterTheStartDate() {
        Layer layer = new Layer(null, RotationType.WEEKLY, null, LocalTime.of(9, 0), DayOfWeek.MONDAY,
                LocalDate.of(2026, 1, 1), List.of("ann")); // a Thursday
        Rotation rotation = new Rotation(layer, "l", AMSTERDAM);

        assertThat(rotation.shiftAt(Instant.parse("2026-01-04T12:00:00Z"))).isEmpty();
        assertThat(shift(rotation, "2026-01-05T08:00:00Z").from()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
    }

    @Test
    void theWeekOfTheSpringForwardIsAnHourShorterAndTheHandOffStays0900Local() {
        Rotation rotation = weekly("ann", "bob");

        // 2026-03-29 02:00 CET becomes 03:00 CEST. Week 11 since 2026-01-05 is bob's.
        Rotation.Shift acrossChange = shift(rotation, "2026-03-29T12:00:00Z");
        assertThat(acrossChange.person()).isEqualTo("bob");
        assertThat(acrossChange.from()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z")); // 09:00 CET
        assertThat(acrossChange.until()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z")); // 09:00 CEST
        assertThat(Duration.between(acrossChange.from(), acrossChange.until())).isEqualTo(Duration.ofHours(167));
        assertThat(shift(rotation, "2026-03-30T06:59:59Z").person()).isEqualTo("bob");
        assertThat(shift(rotation, "2026-03-30T07:00:00Z").person()).isEqualTo("ann");
    }

    @Test
    void dailyAcrossTheFallBackDayIsTwentyFiveHours() {
        Rotation rotation = daily(LocalTime.of(9, 0), LocalDate.of(2026, 10, 20), "ann", "bob", "cem");

        // 2026-10-25 03:00 CEST becomes 02:00 CET.
        Rotation.Shift acrossChange = shift(rotation, "2026-10-25T01:30:00Z");
        assertThat(acrossChange.from()).isEqualTo(Instant.parse("2026-10-24T07:00:00Z"));
        assertThat(acrossChange.until()).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
        assertThat(acrossChange.person()).isEqualTo("bob"); // 20 ann, 21 bob, 22 cem, 23 ann, 24 bob
    }

    @Test
    void aHandOffInsideTheSpringForwardGapHappensRightAfterIt() {
        Rotation rotation = daily(LocalTime.of(2, 30), LocalDate.of(2026, 3, 27), "ann", "bob");

        // 02:30 does not exist on 2026-03-29: the hand-off is at 03:30 CEST = 01:30Z.
        assertThat(shift(rotation, "2026-03-29T01:29:59Z").person()).isEqualTo("bob");
        assertThat(shift(rotation, "2026-03-29T01:30:00Z").person()).isEqualTo("ann");
        assertThat(shift(rotation, "2026-03-29T01:30:00Z").until()).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void customTwelveHourShiftsKeepTheirLocalTimesAcrossTheChange() {
        Layer layer = new Layer("halves", RotationType.CUSTOM, Duration.ofHours(12), LocalTime.of(9, 0), null,
                LocalDate.of(2026, 3, 28), List.of("day", "night"));
        Rotation rotation = new Rotation(layer, "halves", AMSTERDAM);

        assertThat(shift(rotation, "2026-03-28T08:00:00Z").person()).isEqualTo("day");
        assertThat(shift(rotation, "2026-03-28T20:00:00Z").person()).isEqualTo("night");
        Rotation.Shift night = shift(rotation, "2026-03-29T06:59:59Z");
        assertThat(night.person()).isEqualTo("night");
        assertThat(night.until()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z")); // 09:00 CEST, an 11-hour night
        assertThat(shift(rotation, "2026-03-29T07:00:00Z").person()).isEqualTo("day");
    }

    @Test
    void yearsLaterEveryWeeklyShiftStillStartsMonday0900LocalAndTheTurnsAlternate() {
        Rotation rotation = weekly("ann", "bob");
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        for (int i = 0; i < 2000; i++) {
            Instant at = start.plusSeconds((long) (random.nextDouble() * Duration.ofDays(5 * 366).getSeconds()));
            Rotation.Shift shift = shift(rotation, at.toString());
            ZonedDateTime from = shift.from().atZone(AMSTERDAM);
            assertThat(from.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(from.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(shift.until().atZone(AMSTERDAM).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(shift.from()).isBeforeOrEqualTo(at);
            assertThat(shift.until()).isAfter(at);
            Rotation.Shift next = shift(rotation, shift.until().toString());
            assertThat(next.person()).isNotEqualTo(shift.person());
            assertThat(next.from()).isEqualTo(shift.until());
        }
    }
}
