package org.blackstart.app.keytimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.blackstart.app.incident.IncidentDeclared;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentProblem;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.incident.IncidentStatusChanged;
import org.blackstart.app.incident.KeyTimeReached;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Key times on the real schema: set by the steps, corrected by commanders, the latest row in force. */
class KeyTimesTest {

    private static final String KEY = "INC-2026-0100";
    private static final Instant DECLARED = Instant.parse("2026-12-07T23:50:00Z");
    private static final Instant NOW = Instant.parse("2026-12-08T09:00:00Z");

    private final JdbcTemplate jdbc = database();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Timeline timeline = new Timeline(jdbc, clock);
    private final IncidentRepository incidents = new IncidentRepository(jdbc, clock);
    private final KeyTimes keyTimes = new KeyTimes(jdbc, clock, incidents, timeline);
    private final KeyTimeSteps steps = new KeyTimeSteps(keyTimes, jdbc);

    KeyTimesTest() {
        new IncidentRepository(jdbc, Clock.fixed(DECLARED, ZoneOffset.UTC))
                .insert(KEY, "Datacenter power lost", null, "SEV1", "commander", "pi-1", null);
    }

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    @Test
    void aDeclaredIncidentWasDetectedWhenDeclaredAndAnAlertOpenedOneWhenItsFirstAlertArrived() {
        // given an alert group whose first alert came at 23:45, and its incident
        Instant firstAlert = Instant.parse("2026-12-07T23:45:00Z");
        jdbc.update("INSERT INTO bs_alert_group (id, rule_name, group_key, opened_at, window_ends_at, alert_count, "
                + "firing_count, incident_key, resolved_told) VALUES (77, 'rack-outage', '[\"ams9\",\"r12\"]', ?, ?, 1, 1, "
                + "'INC-2026-0101', FALSE)", Timestamp.from(firstAlert), Timestamp.from(firstAlert.plusSeconds(120)));

        // when
        steps.declared(new IncidentDeclared(KEY, "commander", null));
        steps.declared(new IncidentDeclared("INC-2026-0101", "alerts:rack-outage", 77L));

        // then
        assertThat(keyTimes.current(KEY)).containsExactly(entry("impact_started", DECLARED),
                entry("detected", DECLARED));
        assertThat(keyTimes.inForce(KEY).get("detected")).isEqualTo(new KeyTime(DECLARED, "system", "incident declared"));
        assertThat(keyTimes.current("INC-2026-0101")).containsEntry("detected", firstAlert)
                .containsEntry("impact_started", firstAlert);
        assertThat(keyTimes.inForce("INC-2026-0101").get("detected").reason()).isEqualTo("first alert received");
    }

    @Test
    void stepsSetTheirKeyTimesAndTheLatestCompletionIsInForce() {
        // given
        Instant mitigated = Instant.parse("2026-12-08T00:45:00Z");
        Instant mitigatedAgain = Instant.parse("2026-12-08T03:10:00Z");
        Instant resolved = Instant.parse("2026-12-08T08:00:00Z");

        // when Mitigate completes twice (the incident was reopened between), and Resolve once
        steps.statusChanged(new IncidentStatusChanged(KEY, "triaged", DECLARED, "commander"));
        steps.statusChanged(new IncidentStatusChanged(KEY, "mitigated", mitigated, "commander"));
        steps.statusChanged(new IncidentStatusChanged(KEY, "mitigated", mitigatedAgain, "commander-2"));
        steps.statusChanged(new IncidentStatusChanged(KEY, "monitoring", resolved, "commander"));

        // then
        assertThat(keyTimes.current(KEY)).containsOnlyKeys("mitigated", "resolved")
                .containsEntry("mitigated", mitigatedAgain).containsEntry("resolved", resolved);
        assertThat(keyTimes.inForce(KEY).get("mitigated")).isEqualTo(new KeyTime(mitigatedAgain, "commander-2",
                "Mitigate completed"));
        assertThat(keyTimes.history(KEY)).extracting(KeyTimeChange::name, KeyTimeChange::at)
                .containsExactly(tuple("mitigated", mitigated),
                        tuple("mitigated", mitigatedAgain),
                        tuple("resolved", resolved));
    }

    @Test
    void todaysResolvedStatusAndTheCloseSetTheirKeyTimesToo() {
        // when
        steps.statusChanged(new IncidentStatusChanged(KEY, "resolved", Instant.parse("2026-12-08T08:00:00Z"), "commander"));
        steps.statusChanged(new IncidentStatusChanged(KEY, "closed", Instant.parse("2026-12-08T08:30:00Z"), "system"));

        // then
        assertThat(keyTimes.current(KEY)).containsOnlyKeys("resolved", "closed");
    }

    @Test
    void onlyTheFirstAcknowledgementCounts() {
        // when two pages are acknowledged
        steps.reached(new KeyTimeReached(KEY, "acknowledged", Instant.parse("2026-12-07T23:52:00Z"), "system"));
        steps.reached(new KeyTimeReached(KEY, "acknowledged", Instant.parse("2026-12-08T01:30:00Z"), "system"));
        steps.reached(new KeyTimeReached(KEY, "lunch", Instant.parse("2026-12-08T01:30:00Z"), "system"));

        // then
        assertThat(keyTimes.current(KEY)).containsExactly(
                entry("acknowledged", Instant.parse("2026-12-07T23:52:00Z")));
    }

    @Test
    void aCorrectionIsInForceKeepsTheStepsTimeInTheHistoryAndGoesOnTheTimeline() {
        // given
        steps.declared(new IncidentDeclared(KEY, "commander", null));
        Instant powerAlarm = Instant.parse("2026-12-07T23:45:00Z");

        // when
        var inForce = keyTimes.correct(KEY, "impact_started", powerAlarm, "  power alarm came before the first alert ",
                "commander");

        // then
        assertThat(inForce.get("impact_started")).isEqualTo(new KeyTime(powerAlarm, "commander",
                "power alarm came before the first alert"));
        assertThat(inForce.get("detected").at()).isEqualTo(DECLARED);
        assertThat(keyTimes.history(KEY)).extracting(KeyTimeChange::name, KeyTimeChange::setBy).containsExactly(
                tuple("impact_started", "system"),
                tuple("detected", "system"),
                tuple("impact_started", "commander"));
        assertThat(timeline.of(KEY)).extracting(TimelineEntry::kind, TimelineEntry::detail).containsExactly(
                tuple(TimelineKind.KEY_TIME,
                        "impact started set to 2026-12-07 23:45 UTC by commander: power alarm came before the first alert"));
    }

    @Test
    void aCorrectionToTheFutureToAnUnknownNameOrWithoutReasonIsRefusedAndChangesNothing() {
        // given
        steps.declared(new IncidentDeclared(KEY, "commander", null));
        List<KeyTimeChange> before = keyTimes.history(KEY);

        // when / then
        assertThatThrownBy(() -> keyTimes.correct(KEY, "resolved", NOW.plusSeconds(60), "optimism", "commander"))
                .isInstanceOf(IncidentProblem.class).hasMessageContaining("is in the future");
        assertThatThrownBy(() -> keyTimes.correct(KEY, "lunch", DECLARED, "hungry", "commander"))
                .isInstanceOf(IncidentProblem.class).hasMessageStartingWith("unknown key time 'lunch'");
        assertThatThrownBy(() -> keyTimes.correct(KEY, "detected", DECLARED, " ", "commander"))
                .isInstanceOf(IncidentProblem.class).hasMessageContaining("reason is required");
        assertThatThrownBy(() -> keyTimes.correct("INC-1999-0001", "detected", DECLARED, "why", "commander"))
                .isInstanceOf(IncidentNotFoundException.class);
        assertThat(keyTimes.history(KEY)).isEqualTo(before);
        assertThat(timeline.of(KEY)).isEmpty();
    }
}
