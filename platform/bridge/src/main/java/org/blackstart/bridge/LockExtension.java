package org.blackstart.bridge;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an external task locked while its route works, by extending the lock every half lock
 * duration, so that a slow vendor API does not let a second worker run the same task.
 * {@link #close()} returns only when no extension is running: an extension that overlapped the
 * completion would make the engine reject the completion as a concurrent update.
 */
final class LockExtension implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LockExtension.class);

    private final ScheduledFuture<?> future;
    private boolean closed;

    LockExtension(ScheduledExecutorService pool, ExternalTaskService service, String taskId, String workerId,
                  long lockMillis) {
        long period = Math.max(500, lockMillis / 2);
        this.future = pool == null ? null : pool.scheduleAtFixedRate(() -> extend(service, taskId, workerId, lockMillis),
                period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized void extend(ExternalTaskService service, String taskId, String workerId, long lockMillis) {
        if (closed) {
            return;
        }
        try {
            service.extendLock(taskId, workerId, lockMillis);
        } catch (RuntimeException e) {
            LOG.warn("BLACKSTART-BRIDGE-004 could not extend the lock of task {}: {}", taskId, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (future != null) {
            future.cancel(false);
        }
    }
}
