package org.blackstart.spi;

import java.util.Optional;

/**
 * A little durable memory for plugins: values a plugin learns at run time and must still know
 * after a restart and on every node, such as the refresh token an OAuth 2.0 provider rotates on
 * each use (the configured one is then spent). The platform keeps it in its database, like
 * Camunda keeps process data in its tables: values are stored as given, so whoever can read the
 * database can read them.
 */
public interface PluginState {

    /** The value stored under {@code key} for {@code plugin} (its slug), if any. */
    Optional<String> get(String plugin, String key);

    /** Stores {@code value} under {@code key} for {@code plugin}, replacing what was there. */
    void put(String plugin, String key, String value);
}
