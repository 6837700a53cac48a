package org.blackstart.app.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OnCallValidatorTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final OnCallValidator VALIDATOR = new OnCallValidator(FACTORY.getValidator(), Duration.ofMinutes(1));
    private static final Set<String> PEOPLE = Set.of("ann", "bob");
    private static final Set<String> SCHEDULES = Set.of("ops-primary");

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Layer weekly(List<String> participants) {
        return new Layer(null, RotationType.WEEKLY, null, LocalTime.of(9, 0), DayOfWeek.MONDAY, LocalDate.of(2026, 1, 5), participants);
    }

    private static List<String> policy(Policy policy) {
        return VALIDATOR.policy("blackstart.oncall.policies.datacenter-ops", policy, PEOPLE::contains, SCHEDULES::contains)
                .stream().map(Violation::toString).toList();
    }

    @Test
    void aPolicyThatNamesAMissingScheduleSaysWhereAndWhich() {
        Policy policy = new Policy(List.of(new Level(List.of("schedule:ops-primary"), Duration.ofMinutes(5)),
                new Level(List.of("schedule:ops-secondary"), Duration.ofMinutes(5))), 1, 2);

        assertThat(policy(policy)).containsExactly(
                "blackstart.oncall.policies.datacenter-ops.levels[1].targets[0]: no schedule named 'ops-secondary'");
    }

    @Test
    void targetsMustBePersonOrScheduleAndExist() {
        Policy policy = new Policy(List.of(new Level(List.of("team:ops", "person:zoe", "person:ann", "person:ann"),
                Duration.ofMinutes(5))), null, null);

        assertThat(policy(policy)).containsExactly(
                "blackstart.oncall.policies.datacenter-ops.levels[0].targets[0]: must be person:<id> or schedule:<name>, was 'team:ops'",
                "blackstart.oncall.policies.datacenter-ops.levels[0].targets[1]: no person with id 'zoe'",
                "blackstart.oncall.policies.datacenter-ops.levels[0].targets[3]: repeats targets[2]");
    }

    @Test
    void timeoutsBelowTheMinimumRepeatAndAttemptsOutOfRangeAreRefused() {
        Policy policy = new Policy(List.of(new Level(List.of("person:ann"), Duration.ofSeconds(30))), 10, 0);

        assertThat(policy(policy)).containsExactlyInAnyOrder(
                "blackstart.oncall.policies.datacenter-ops.callAttempts: must be between 1 and 5",
                "blackstart.oncall.policies.datacenter-ops.repeat: must be between 0 and 9",
                "blackstart.oncall.policies.datacenter-ops.levels[0].timeout: must be at least 1m "
                        + "(blackstart.oncall.minimum-level-timeout), was 30s");
    }

    @Test
    void aLoweredMinimumAllowsShortTimeoutsForTests() {
        OnCallValidator forTests = new OnCallValidator(FACTORY.getValidator(), Duration.ofSeconds(2));
        Policy policy = new Policy(List.of(new Level(List.of("person:ann"), Duration.ofSeconds(2))), 0, 1);

        assertThat(forTests.policy("", policy, PEOPLE::contains, SCHEDULES::contains)).isEmpty();
    }

    @Test
    void aPolicyWithoutLevelsIsRefused() {
        assertThat(policy(new Policy(List.of(), 0, 1)))
                .containsExactly("blackstart.oncall.policies.datacenter-ops.levels: must have at least one level");
    }

    @Test
    void phoneNumbersMustBeE164() {
        List<Violation> violations = VALIDATOR.person("blackstart.oncall.people.ann", new Person("Ann", "020 555 0101", null));

        assertThat(violations).extracting(Violation::toString).containsExactly("blackstart.oncall.people.ann.phone: "
                + "must be an E.164 number: + then 8 to 15 digits without spaces, e.g. +31205550101");
        assertThat(VALIDATOR.person("", new Person("Ann", "+31205550101", "ann@example.com"))).isEmpty();
    }

    @Test
    void emptyRotationsAndUnknownParticipantsAreRefused() {
        Schedule noLayers = new Schedule(ZoneId.of("UTC"), List.of(), List.of());
        Schedule emptyLayer = new Schedule(ZoneId.of("UTC"), List.of(weekly(List.of())), List.of());
        Schedule stranger = new Schedule(ZoneId.of("UTC"), List.of(weekly(List.of("ann", "zoe"))), List.of());

        assertThat(VALIDATOR.schedule("s", noLayers, PEOPLE::contains)).extracting(Violation::toString)
                .containsExactly("s.layers: must have at least one rotation layer");
        assertThat(VALIDATOR.schedule("s", emptyLayer, PEOPLE::contains)).extracting(Violation::toString)
                .containsExactly("s.layers[0].participants: must name at least one person");
        assertThat(VALIDATOR.schedule("s", stranger, PEOPLE::contains)).extracting(Violation::toString)
                .containsExactly("s.layers[0].participants[1]: no person with id 'zoe'");
    }

    @Test
    void layerFieldsMustFitTheLayerType() {
        Layer weeklyWithoutDay = new Layer(null, RotationType.WEEKLY, null, LocalTime.of(9, 0), null, LocalDate.of(2026, 1, 5), List.of("ann"));
        Layer shortCustom = new Layer(null, RotationType.CUSTOM, Duration.ofMinutes(30), LocalTime.of(9, 0), null, LocalDate.of(2026, 1, 5), List.of("ann"));
        Layer dailyWithLength = new Layer(null, RotationType.DAILY, Duration.ofHours(12), LocalTime.of(9, 0), null, LocalDate.of(2026, 1, 5), List.of("ann"));
        Schedule schedule = new Schedule(ZoneId.of("UTC"), List.of(weeklyWithoutDay, shortCustom, dailyWithLength), List.of());

        assertThat(VALIDATOR.schedule("", schedule, PEOPLE::contains)).extracting(Violation::toString).containsExactly(
                "layers[0].handoffDay: is required for a weekly layer, e.g. monday",
                "layers[1].length: must be at least 1h, was 30m",
                "layers[2].length: is only for custom layers; daily and weekly layers hand off every day or week");
    }

    @Test
    void overridesMustEndAfterTheyStartNameAPersonAndNotOverlap() {
        Instant nine = Instant.parse("2026-02-01T09:00:00Z");
        Schedule schedule = new Schedule(ZoneId.of("UTC"), List.of(weekly(List.of("ann"))), List.of(
                new ScheduleOverride("bob", nine, nine.plusSeconds(3600)),
                new ScheduleOverride("zoe", nine.plusSeconds(1800), nine.plusSeconds(7200)),
                new ScheduleOverride("ann", nine, nine)));

        assertThat(VALIDATOR.schedule("", schedule, PEOPLE::contains)).extracting(Violation::toString).containsExactly(
                "overrides[1].person: no person with id 'zoe'",
                "overrides[1]: overlaps overrides[0]; only one override can replace the layers at a time",
                "overrides[2].to: must be after from (2026-02-01T09:00:00Z)");
    }

    @Test
    void idsAndNamesMustBeUsableInPathsAndAsCamundaUserIds() {
        assertThat(VALIDATOR.personId("id", "ann@example.com")).isEmpty();
        assertThat(VALIDATOR.personId("id", "ann smith")).extracting(Violation::field).containsExactly("id");
        assertThat(VALIDATOR.name("name", "Ops Primary")).extracting(Violation::toString)
                .containsExactly("name: 'Ops Primary' is not a name: 1 to 64 of a-z 0-9 -, starting with a letter or digit");
    }
}
