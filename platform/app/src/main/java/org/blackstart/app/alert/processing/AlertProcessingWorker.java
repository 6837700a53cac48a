package org.blackstart.app.alert.processing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.blackstart.app.alert.AlertInboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's one alert processing thread. Woken as soon as this node's intake commits alerts, so
 * that the first alert of an outage opens its incident without waiting for a poll; it also polls,
 * for alerts another node received. Consecutive wake-ups while it works fold into one more drain.
 */
@Component
class AlertProcessingWorker implements AlertInboxListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertProcessingWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final AlertProcessor processor;
    private final AlertProcessorProperties properties;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    AlertProcessingWorker(AlertProcessor processor, AlertProcessorProperties properties) {
        this.processor = processor;
        this.properties = properties;
    }

    @Override
    public void alertsStored(String source, int count) {
        if (count > 0 && wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::work, "alert-processor");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            // Woken, not interrupted: an interrupt during file I/O makes H2 close its database file.
            wake.release();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                processor.drain();
                backoff = properties.pollInterval();
                wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The database is away or busy: the rows stay pending; try again, less and less often.
                log.warn("alert processing paused for {}: {}", backoff, e.toString());
                try {
                    wake.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
