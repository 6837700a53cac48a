package org.blackstart.app.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.blackstart.app.incident.IncidentDeclared;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The automatic recurrence link, on the real schema: an incident the same rule opens for the same group within the
 * window of an earlier one's close repeats it; anything else does not.
 */
class RecurrenceLinkerTest {

    private static final Instant NOW = Instant.parse("2026-12-20T12:00:00Z");
    private static final String RACK_12 = "[\"ams9\",\"r12\"]";

    private final JdbcTemplate jdbc = database();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Timeline timeline = new Timeline(jdbc, clock);
    private final IncidentRepository incidents = new IncidentRepository(jdbc, clock);
    private final IncidentLinks links = new IncidentLinks(jdbc, clock, incidents, timeline);
    private long groups;

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    @Test
    void theSameRuleAndGroupAfterTheLatestCloseWithinTheWindowIsARecurrenceOfIt() {
        // given two closed incidents of rack 12, the later one closed five days ago
        incident("INC-2026-0001", "rack-outage", RACK_12, NOW.minus(Duration.ofDays(9)));
        incident("INC-2026-0002", "rack-outage", RACK_12, NOW.minus(Duration.ofDays(5)));
        long opened = incident("INC-2026-0003", "rack-outage", RACK_12, null);

        // when
        linker(Duration.ofDays(14)).declared(new IncidentDeclared("INC-2026-0003", "alerts:rack-outage", opened));

        // then
        assertThat(links.of("INC-2026-0003")).singleElement().satisfies(link -> {
            assertThat(link.kind()).isEqualTo("recurrence-of");
            assertThat(link.target()).isEqualTo("INC-2026-0002");
            assertThat(link.createdBy()).isEqualTo("alerts");
            assertThat(link.direction()).isEqualTo("outgoing");
        });
        assertThat(links.of("INC-2026-0002")).singleElement()
                .satisfies(link -> assertThat(link.direction()).isEqualTo("incoming"));
        assertThat(timeline.of("INC-2026-0003")).extracting(TimelineEntry::detail).singleElement().asString()
                .startsWith("linked as recurrence of INC-2026-0002: Incident INC-2026-0002");
        assertThat(timeline.of("INC-2026-0002")).extracting(TimelineEntry::detail)
                .containsExactly("INC-2026-0003 (Incident INC-2026-0003) linked as recurrence of this incident");
    }

    @Test
    void anotherGroupAnotherRuleAnOpenIncidentOrACloseBeforeTheWindowIsNoRecurrence() {
        // given
        incident("INC-2026-0011", "rack-outage", "[\"ams9\",\"r13\"]", NOW.minus(Duration.ofDays(1)));
        incident("INC-2026-0012", "hosts-down", RACK_12, NOW.minus(Duration.ofDays(1)));
        incident("INC-2026-0013", "rack-outage", RACK_12, null);
        incident("INC-2026-0014", "rack-outage", RACK_12, NOW.minus(Duration.ofDays(15)));
        long opened = incident("INC-2026-0015", "rack-outage", RACK_12, null);

        // when
        linker(Duration.ofDays(14)).declared(new IncidentDeclared("INC-2026-0015", "alerts:rack-outage", opened));
        linker(Duration.ofDays(14)).declared(new IncidentDeclared("INC-2026-0016", "commander", null));

        // then
        assertThat(links.of("INC-2026-0015")).isEmpty();
    }

    @Test
    void aZeroWindowLinksNothing() {
        // given
        incident("INC-2026-0021", "rack-outage", RACK_12, NOW.minus(Duration.ofMinutes(5)));
        long opened = incident("INC-2026-0022", "rack-outage", RACK_12, null);

        // when
        linker(Duration.ZERO).declared(new IncidentDeclared("INC-2026-0022", "alerts:rack-outage", opened));

        // then
        assertThat(links.of("INC-2026-0022")).isEmpty();
    }

    private RecurrenceLinker linker(Duration window) {
        return new RecurrenceLinker(jdbc, clock, links, new RecurrenceProperties(window));
    }

    /** An incident opened by an alert group; closed at {@code closedAt} unless that is {@code null}. */
    private long incident(String key, String rule, String groupKey, Instant closedAt) {
        Instant declared = closedAt == null ? NOW : closedAt.minus(Duration.ofHours(2));
        IncidentRepository at = new IncidentRepository(jdbc, Clock.fixed(declared, ZoneOffset.UTC));
        at.insert(key, "Incident " + key, null, "SEV1", "alerts:" + rule, "pi-" + key, null);
        if (closedAt != null) {
            new IncidentRepository(jdbc, Clock.fixed(closedAt, ZoneOffset.UTC)).update(key, null, null, null, "closed");
        }
        long id = ++groups;
        jdbc.update("INSERT INTO bs_alert_group (id, rule_name, group_key, opened_at, window_ends_at, alert_count, "
                        + "firing_count, incident_key, resolved_told) VALUES (?, ?, ?, ?, ?, 1, 1, ?, FALSE)", id, rule, groupKey,
                Timestamp.from(declared), Timestamp.from(declared.plusSeconds(120)), key);
        return id;
    }
}
