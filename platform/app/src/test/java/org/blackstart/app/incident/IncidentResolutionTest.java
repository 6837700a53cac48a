package org.blackstart.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What Resolve records stays on the incident, on the real schema. */
class IncidentResolutionTest {

    private static final String KEY = "INC-2026-0042";

    private final IncidentRepository incidents = repository();

    private static IncidentRepository repository() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        IncidentRepository incidents = new IncidentRepository(new JdbcTemplate(dataSource),
                Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC));
        incidents.insert(KEY, "Rack power failure", null, "SEV1", "commander", "pi-1", null);
        return incidents;
    }

    @Test
    void anIncidentHasNoRootCauseUntilResolve() {
        assertThat(incidents.find(KEY)).get().extracting(IncidentRecord::rootCause, IncidentRecord::resolution)
                .containsExactly(null, null);
    }

    @Test
    void rootCauseAndResolutionAreKeptAndALaterStepWithoutThemKeepsThem() {
        // given
        incidents.recordResolution(KEY, "  Both PSUs on one feed  ", "Moved the second PSU to feed B");

        // when a later step records nothing new
        incidents.recordResolution(KEY, null, " ");

        // then
        assertThat(incidents.find(KEY)).get().extracting(IncidentRecord::rootCause, IncidentRecord::resolution)
                .containsExactly("Both PSUs on one feed", "Moved the second PSU to feed B");
    }

    @Test
    void aTextLongerThanTheColumnIsCutNotRefused() {
        // given a root cause pasted with a log: longer than the column, ending in an emoji across the cut
        String longText = "x".repeat(IncidentRepository.RESOLUTION_LIMIT - 2) + "\uD83D\uDD25 and more";

        // when
        incidents.recordResolution(KEY, longText, "fixed");

        // then
        String stored = incidents.find(KEY).orElseThrow().rootCause();
        assertThat(stored).hasSizeLessThanOrEqualTo(IncidentRepository.RESOLUTION_LIMIT).endsWith("x\u2026");
    }
}
