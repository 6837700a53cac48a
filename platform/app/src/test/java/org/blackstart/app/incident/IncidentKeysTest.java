package org.blackstart.app.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class IncidentKeysTest {

    private JdbcDataSource schema() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    @Test
    void keysCountUpWithinAYearAndRestartInTheNext() {
        JdbcDataSource dataSource = schema();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        var transactions = new DataSourceTransactionManager(dataSource);
        IncidentKeys in2026 = new IncidentKeys(jdbc, transactions, Clock.fixed(Instant.parse("2026-12-31T23:59:00Z"), ZoneOffset.UTC));
        IncidentKeys in2027 = new IncidentKeys(jdbc, transactions, Clock.fixed(Instant.parse("2027-01-01T00:01:00Z"), ZoneOffset.UTC));

        assertThat(in2026.next()).isEqualTo("INC-2026-0001");
        assertThat(in2026.next()).isEqualTo("INC-2026-0002");
        assertThat(in2027.next()).isEqualTo("INC-2027-0001");
        assertThat(in2026.next()).isEqualTo("INC-2026-0003");
    }

    @Test
    void moreThanNineThousandNineHundredNinetyNineIncidentsStillGetAKey() {
        assertThat(IncidentKeys.format(2026, 12345)).isEqualTo("INC-2026-12345");
        assertThat(IncidentKeys.looksLikeKey("INC-2026-12345")).isTrue();
        assertThat(IncidentKeys.looksLikeKey("INC-26-1")).isFalse();
    }
}
