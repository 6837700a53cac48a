package org.blackstart.app.oncall;

/**
 * A person, schedule or policy with where it comes from.
 *
 * @param configPath for configuration entries the property path, e.g. {@code blackstart.oncall.people.ann}; else null
 */
record Entry<T>(String name, T spec, Source source, String configPath) {

    enum Source { CONFIGURATION, API }

    static <T> Entry<T> configured(String name, T spec, String path) {
        return new Entry<>(name, spec, Source.CONFIGURATION, path);
    }

    static <T> Entry<T> stored(String name, T spec) {
        return new Entry<>(name, spec, Source.API, null);
    }

    boolean configured() {
        return source == Source.CONFIGURATION;
    }
}
