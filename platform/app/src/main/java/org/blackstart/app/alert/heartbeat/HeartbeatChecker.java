package org.blackstart.app.alert.heartbeat;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private ScheduledExecutorService scheduler;

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
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heartbeat-checker");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
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
    public synchronized void stop() {
        if (scheduler != null) {
            // Not shutdownNow: an interrupt during file I/O makes H2 close its database file.
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
