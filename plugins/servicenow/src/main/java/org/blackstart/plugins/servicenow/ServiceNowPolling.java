package org.blackstart.plugins.servicenow;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link ServiceNowPoller} for every account with a {@code poll-interval} above zero, on one
 * daemon thread. A failed poll is logged and tried again at the next interval.
 */
class ServiceNowPolling implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowPolling.class);

    private final ServiceNowAccounts accounts;
    private final ServiceNowPoller poller;
    private ScheduledExecutorService scheduler;

    ServiceNowPolling(ServiceNowAccounts accounts, ServiceNowPoller poller) {
        this.accounts = accounts;
        this.poller = poller;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "servicenow-poll");
            thread.setDaemon(true);
            return thread;
        });
        for (ServiceNowApi api : accounts.all()) {
            if (!api.account().polls()) {
                continue;
            }
            long every = api.account().pollInterval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> pollQuietly(api), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void pollQuietly(ServiceNowApi api) {
        try {
            poller.poll(api);
        } catch (RuntimeException failure) {
            LOG.warn("BLACKSTART-SERVICENOW-020 polling ServiceNow account '{}' failed: {}", api.name(),
                    failure.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
