package org.blackstart.app.periodic;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One daemon thread that runs a check again and again, a fixed delay after each run ends, for the platform's
 * background checks (heartbeats, overdue tasks, mail coming back, vendor redelivery). A run that fails is handed to
 * the owner to log, and the next run still comes; stopping lets a running check finish.
 */
public final class Repeating {

    private final String threadName;
    private ScheduledExecutorService scheduler;

    public Repeating(String threadName) {
        this.threadName = threadName;
    }

    /** Runs {@code check} every {@code every}, first after one delay; {@code failed} hears of each run that threw. */
    public synchronized void start(Duration every, Runnable check, Consumer<RuntimeException> failed) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                check.run();
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

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

    public synchronized boolean running() {
        return scheduler != null;
    }
}
