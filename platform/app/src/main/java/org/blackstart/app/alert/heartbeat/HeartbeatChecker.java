package org.blackstart.app.alert.heartbeat;

import java.time.Clock;
import org.blackstart.app.periodic.Repeating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Registers the configured heartbeats at start, then checks them on this node every few seconds. */
@Component
class HeartbeatChecker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatChecker.class);

    private final Heartbeats heartbeats;
    private final HeartbeatCheckerProperties properties;
    private final Clock clock;
    private final Repeating repeating = new Repeating("heartbeat-checker");

    HeartbeatChecker(Heartbeats heartbeats, HeartbeatCheckerProperties properties, Clock clock) {
        this.heartbeats = heartbeats;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        heartbeats.register();
        if (!properties.enabled()) {
            return;
        }
        repeating.start(properties.interval(), this::check, e -> log.warn("checking heartbeats failed: {}", e.toString()));
    }

    private void check() {
        try {
            heartbeats.check(clock.instant());
        } catch (RuntimeException e) {
            // Another node may be checking at this moment; the next round tries again.
            log.warn("checking heartbeats failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        repeating.stop();
    }

    @Override
    public boolean isRunning() {
        return repeating.running();
    }
}
