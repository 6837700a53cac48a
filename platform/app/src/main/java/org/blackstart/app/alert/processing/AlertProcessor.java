package org.blackstart.app.alert.processing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the alert inbox off: batches of rows, each batch in one transaction. When a batch fails,
 * nothing of it is kept and its rows are tried one by one, so that the good rows go through and a
 * row that fails on its own is set aside and retried alone; after its last attempt it is marked
 * failed with its error. A failure of the database itself (connection, lock timeout) is not held
 * against any row: the batch simply waits for the next cycle.
 */
@Service
public class AlertProcessor {

    private static final Logger log = LoggerFactory.getLogger(AlertProcessor.class);

    private final ProcessingCycle cycle;
    private final InboxStore inbox;
    private final TransactionTemplate transactions;
    private final AlertProcessorProperties properties;
    private final Clock clock;

    AlertProcessor(ProcessingCycle cycle, InboxStore inbox, PlatformTransactionManager transactionManager,
                   AlertProcessorProperties properties, Clock clock) {
        this.cycle = cycle;
        this.inbox = inbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Processes what is pending now: rows due for another attempt, then batches until fewer than a
     * batch remain.
     *
     * @return rows processed
     * @throws RuntimeException when the database fails; nothing is lost, the rows stay pending
     */
    public int drain() {
        int processed = retryFailed();
        while (true) {
            List<Long> ids = transactions.execute(tx -> inbox.pendingIds(properties.batchSize()));
            if (ids == null || ids.isEmpty()) {
                return processed;
            }
            try {
                Integer done = runRetryingConflicts(ids);
                processed += done == null ? 0 : done;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    throw e;
                }
                log.warn("processing {} alert inbox rows from id {} failed; trying them one by one: {}", ids.size(),
                        ids.get(0), e.toString());
                processed += oneByOne(ids);
            }
            if (ids.size() < properties.batchSize()) {
                return processed;
            }
        }
    }

    /** Attempts of a batch that lost an optimistic-locking race before the conflict counts as a pause. */
    static final int CONFLICT_ATTEMPTS = 6;

    /**
     * A batch that opens incidents or correlates messages touches process instances a worker may be
     * completing a task of at the same moment (a page's SMS reported sent while the events API
     * acknowledges the page). The loser's transaction is rolled back whole, so it is run again at
     * once rather than pausing the processor.
     */
    private Integer runRetryingConflicts(List<Long> ids) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> cycle.run(ids));
            } catch (RuntimeException e) {
                if (attempt >= CONFLICT_ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                log.debug("alert batch from id {} met a concurrent update, attempt {} of {}", ids.get(0), attempt,
                        CONFLICT_ATTEMPTS);
                // The other side (a bridge worker completing a sibling task) retries too; a short,
                // uneven pause keeps the two from meeting again in the same instant.
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 40) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isConflict(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockingException) {
                return true;
            }
        }
        return false;
    }

    private int retryFailed() {
        List<Long> due = transactions.execute(tx -> inbox.dueForRetry(clock.instant()));
        return due == null || due.isEmpty() ? 0 : oneByOne(due);
    }

    private int oneByOne(List<Long> ids) {
        int processed = 0;
        for (Long id : ids) {
            try {
                Integer done = transactions.execute(tx -> {
                    int n = cycle.run(List.of(id));
                    cycle.succeededAlone(id);
                    return n;
                });
                processed += done == null ? 0 : done;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    throw e;
                }
                recordFailure(id, e);
            }
        }
        return processed;
    }

    private void recordFailure(long id, RuntimeException error) {
        Instant now = clock.instant();
        String text = describe(error);
        transactions.executeWithoutResult(tx -> {
            int attempts = inbox.recordFailure(id, text, now);
            if (attempts >= properties.maxAttempts()) {
                inbox.giveUp(id, now);
                log.error("alert inbox row {} failed {} times and is set aside as failed (see bs_alert_failure): {}", id,
                        attempts, text);
            } else {
                inbox.retryAt(id, now.plus(properties.retryDelay().multipliedBy(attempts)));
                log.warn("alert inbox row {} failed on its own (attempt {} of {}); retrying it alone later: {}", id,
                        attempts, properties.maxAttempts(), text);
            }
        });
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }

    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof OptimisticLockingException || t instanceof java.sql.SQLTransientException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
