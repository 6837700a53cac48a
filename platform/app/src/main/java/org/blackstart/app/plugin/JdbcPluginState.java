package org.blackstart.app.plugin;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.blackstart.spi.PluginState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plugin state in {@code bs_plugin_state}, one row per plugin and key. Every write commits on its
 * own, so a token a plugin stored is what every node reads next, and what survives a crash right
 * after. Values are stored as given (see the migration): the database holds, for example, the
 * X plugin's rotated OAuth tokens, as Camunda's tables hold process data.
 */
@Component
public class JdbcPluginState implements PluginState {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcPluginState(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String plugin, String key) {
        List<String> values = jdbc.queryForList(
                "SELECT state_value FROM bs_plugin_state WHERE plugin = ? AND state_key = ?", String.class, plugin, key);
        return values.stream().findFirst();
    }

    @Override
    public void put(String plugin, String key, String value) {
        Objects.requireNonNull(value, "value");
        Timestamp now = Timestamp.from(clock.instant());
        // Update first, insert when there was nothing; of two nodes inserting at once, the loser updates.
        if (update(plugin, key, value, now) == 0) {
            try {
                jdbc.update("INSERT INTO bs_plugin_state (plugin, state_key, state_value, updated_at) VALUES (?, ?, ?, ?)",
                        plugin, key, value, now);
            } catch (DuplicateKeyException concurrentInsert) {
                update(plugin, key, value, now);
            }
        }
    }

    private int update(String plugin, String key, String value, Timestamp now) {
        return jdbc.update("UPDATE bs_plugin_state SET state_value = ?, updated_at = ? WHERE plugin = ? AND state_key = ?",
                value, now, plugin, key);
    }
}
