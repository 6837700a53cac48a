package org.blackstart.plugins.restscheduler;

import java.util.List;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.DeferredJob;
import org.blackstart.spi.DeferredJobs;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two topics do. A run or cancellation is claimed in the delivery ledger under the execution's key
 * before the call and marked sent after it; the key's id goes along as {@code Idempotency-Key}, so the one
 * uncertain window (the scheduler acted, the worker died before the mark) ends with the scheduler answering
 * the retry as it answered the first call, not with a second mailing.
 */
public class SchedulerJobs {

    /** BPMN error code: the scheduler does not know the job (404), or it was run or cancelled otherwise (409). */
    public static final String JOB_REFUSED = "DEFERRED_JOB_REFUSED";

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerJobs.class);

    private final DeliveryLedger ledger;
    private final RestSchedulerProperties properties;
    private final SchedulerApi api;

    SchedulerJobs(DeliveryLedger ledger, RestSchedulerProperties properties, SchedulerApi api) {
        this.ledger = ledger;
        this.properties = properties;
        this.api = api;
    }

    public TaskResult list(DeferredJobs.Window window) {
        List<DeferredJob> jobs;
        try {
            jobs = api.pending(window.from(), window.to());
        } catch (SchedulerApiException e) {
            throw e.passing() ? new RetryLater(properties.retryAfter(), e.getMessage()) : e;
        }
        LOG.info("BLACKSTART-SCHEDULER-001 {} jobs were due between {} and {} for {}", jobs.size(), window.from(),
                window.to(), window.incidentKey());
        return DeferredJobs.result(jobs);
    }

    public TaskResult execute(DeferredJobs.Execution execution) {
        DeliveryKey key = execution.deliveryKey();
        return switch (ledger.claim(key, properties.claimLease())) {
            case SEND -> act(key, execution);
            case ALREADY_SENT -> result("done-before", ledger.sentReference(key).orElse(""));
            case IN_PROGRESS -> throw new RetryLater(properties.claimLease(), "another worker is executing job "
                    + execution.jobId() + " of " + execution.incidentKey() + " right now");
        };
    }

    private TaskResult act(DeliveryKey key, DeferredJobs.Execution execution) {
        String reference;
        try {
            reference = api.act(execution.jobId(), execution.decision(), key.id());
        } catch (SchedulerApiException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 409) {
                ledger.markRefused(key, e.getMessage());
                throw new BusinessFailure(JOB_REFUSED, e.getMessage());
            }
            ledger.release(key, e.getMessage());
            if (e.passing()) {
                throw new RetryLater(properties.retryAfter(), e.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            ledger.release(key, e.getClass().getSimpleName());
            throw e;
        }
        ledger.markSent(key, reference);
        LOG.info("BLACKSTART-SCHEDULER-002 job {} of {}: {} ({})", execution.jobId(), execution.incidentKey(),
                execution.decision(), reference);
        return result(DeferredJobs.RUN.equals(execution.decision()) ? "run" : "cancelled", reference);
    }

    private static TaskResult result(String outcome, String reference) {
        return TaskResult.of(DeferredJobs.Results.OUTCOME, outcome).and(DeferredJobs.Results.REFERENCE, reference);
    }
}
