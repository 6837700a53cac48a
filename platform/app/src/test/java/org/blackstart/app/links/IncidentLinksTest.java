package org.blackstart.app.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.blackstart.app.incident.IncidentProblem;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The rules of manual links, on the real schema. */
class IncidentLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    private final JdbcTemplate jdbc = database();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Timeline timeline = new Timeline(jdbc, clock);
    private final IncidentRepository incidents = new IncidentRepository(jdbc, clock);
    private final IncidentLinks links = new IncidentLinks(jdbc, clock, incidents, timeline);

    IncidentLinksTest() {
        incidents.insert("INC-2026-0201", "Storage array read-only", null, "SEV2", "commander", "pi-1", null);
        jdbc.update("INSERT INTO bs_maintenance (maintenance_key, title, components, window_start, window_end, zone_offset, "
                        + "reminder_before, state, revision, created_by, created_at, updated_at) VALUES ('MNT-2026-0007', "
                        + "'Firmware upgrade of array C', 'storage', ?, ?, '+01:00', 'PT1H', 'completed', 1, 'commander', ?, ?)",
                Timestamp.from(NOW.minusSeconds(7200)), Timestamp.from(NOW.minusSeconds(3600)), Timestamp.from(NOW),
                Timestamp.from(NOW));
    }

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    @Test
    void aMaintenanceWindowThatCausedTheIncidentIsShownWithItsTitleAndState() {
        // when
        IncidentLink link = links.link("INC-2026-0201", "caused-by", "maintenance", " MNT-2026-0007 ", " ", "commander");

        // then
        assertThat(link).extracting(IncidentLink::kind, IncidentLink::direction, IncidentLink::target, IncidentLink::title,
                        IncidentLink::status, IncidentLink::note, IncidentLink::postmortemUrl)
                .containsExactly("caused-by", "outgoing", "MNT-2026-0007", "Firmware upgrade of array C", "completed", null,
                        null);
        assertThat(timeline.of("INC-2026-0201")).singleElement().satisfies(line -> assertThat(line.detail())
                .isEqualTo("linked as caused by MNT-2026-0007: Firmware upgrade of array C"));
    }

    @Test
    void anEarlierIncidentWithAPostmortemLinksToIt() {
        // given
        incidents.insert("INC-2026-0190", "Storage array read-only", null, "SEV1", "commander", "pi-0", null);
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, created_at, updated_at) VALUES ('INC-2026-0190', "
                + "'published', ?, ?)", Timestamp.from(NOW), Timestamp.from(NOW));

        // when
        IncidentLink link = links.link("INC-2026-0201", "recurrence-of", "incident", "INC-2026-0190", null, "commander");

        // then
        assertThat(link.postmortemUrl()).isEqualTo("/incidents/INC-2026-0190/postmortem");
        assertThat(links.of("INC-2026-0190")).singleElement().satisfies(incoming -> {
            assertThat(incoming.direction()).isEqualTo("incoming");
            assertThat(incoming.target()).isEqualTo("INC-2026-0201");
            assertThat(incoming.postmortemUrl()).isNull();
        });
    }

    @Test
    void aRecurrenceOfSomethingOtherThanAnIncidentIsRefusedAndNothingIsStored() {
        // when / then
        assertThatThrownBy(() -> links.link("INC-2026-0201", "recurrence-of", "maintenance", "MNT-2026-0007", null,
                "commander")).isInstanceOfSatisfying(IncidentProblem.class,
                p -> assertThat(p.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatCode(() -> links.link("INC-2026-0201", "caused-by", "vendor-change", "NETCO-1", null, "commander"))
                .doesNotThrowAnyException();
        assertThat(links.of("INC-2026-0201")).singleElement()
                .satisfies(link -> assertThat(link.targetType()).isEqualTo("vendor-change"));
    }

    @Test
    void aLinkTwiceIsAConflictAndTheFirstStays() {
        // given
        links.link("INC-2026-0201", "caused-by", "vendor-change", "NETCO-1", "first", "commander");

        // when / then
        assertThatThrownBy(() -> links.link("INC-2026-0201", "caused-by", "vendor-change", "NETCO-1", "again", "commander"))
                .isInstanceOfSatisfying(IncidentProblem.class,
                        p -> assertThat(p.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(links.of("INC-2026-0201")).singleElement().satisfies(link -> assertThat(link.note()).isEqualTo("first"));
        assertThat(timeline.of("INC-2026-0201")).hasSize(1);
    }
}
