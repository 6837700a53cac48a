package org.blackstart.testkit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.PluginState;

/**
 * The plugin state contract in memory, for plugin tests. Share one instance between two plugin
 * instances to play a restart: what the first stored, the second reads.
 */
public class InMemoryPluginState implements PluginState {

    private record Key(String plugin, String key) {
    }

    private final Map<Key, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String plugin, String key) {
        return Optional.ofNullable(values.get(new Key(plugin, key)));
    }

    @Override
    public void put(String plugin, String key, String value) {
        values.put(new Key(plugin, key), Objects.requireNonNull(value, "value"));
    }

    public void clear() {
        values.clear();
    }
}
