package org.blackstart.app.oncall;

import java.time.Duration;

/** Durations the way the configuration writes them: 5m, 1h, 30s. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
