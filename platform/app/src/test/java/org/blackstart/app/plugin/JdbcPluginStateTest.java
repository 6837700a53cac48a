package org.blackstart.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Plugin state on the real schema: what one instance stored, a new instance (a restart) reads. */
class JdbcPluginStateTest {

    private JdbcDataSource dataSource;

    @BeforeEach
    void schema() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    private JdbcPluginState newNode() {
        return new JdbcPluginState(new JdbcTemplate(dataSource), Clock.systemUTC());
    }

    @Test
    void aStoredValueSurvivesARestartAndTheLatestWriteWins() {
        newNode().put("x", "oauth2.refresh-token", "first");
        newNode().put("x", "oauth2.refresh-token", "rotated");

        assertThat(newNode().get("x", "oauth2.refresh-token")).contains("rotated");
    }

    @Test
    void keysArePerPluginAndAnUnknownKeyIsEmpty() {
        JdbcPluginState state = newNode();
        state.put("x", "token", "for x");

        assertThat(state.get("mastodon", "token")).isEmpty();
        assertThat(state.get("x", "other")).isEmpty();
        assertThat(state.get("x", "token")).contains("for x");
    }
}
