package org.blackstart.bridge;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.apache.camel.Exchange;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskResult;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the engine how a route ended: completion with the result variables, a BPMN error for a
 * {@link BusinessFailure}, or a failure with the retries and backoff left, which after the last
 * retry opens a Camunda incident an operator sees and retries in Cockpit.
 */
final class TaskOutcomeReporter {

    private static final int COMPLETE_ATTEMPTS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(TaskOutcomeReporter.class);
    /** Camunda stores at most 666 characters of an error message. */
    private static final int MAX_MESSAGE = 600;

    private final ExternalTaskService service;
    private final BridgeSettings settings;
    private final SecretRedactor redactor;

    TaskOutcomeReporter(ExternalTaskService service, BridgeSettings settings, SecretRedactor redactor) {
        this.service = service;
        this.settings = settings;
        this.redactor = redactor;
    }

    void report(LockedExternalTask task, Exchange exchange) {
        Exception failure = exchange.getException();
        try {
            if (failure == null) {
                complete(task, resultVariables(exchange.getMessage().getBody()));
                return;
            }
            BusinessFailure business = findBusinessFailure(failure);
            if (business != null) {
                LOG.info("BLACKSTART-BRIDGE-002 {} for {} ended with business error {}: {}", task.getTopicName(),
                        task.getBusinessKey(), business.errorCode(), redactor.redact(business.getMessage()));
                service.handleBpmnError(task.getId(), settings.workerId(), business.errorCode(),
                        truncate(redactor.redact(business.getMessage())));
                return;
            }
            RetryLater later = find(failure, RetryLater.class);
            if (later != null) {
                retryLater(task, later);
                return;
            }
            reportFailure(task, failure);
        } catch (RuntimeException engineRefused) {
            // The task may have been cancelled with its process, or its lock lost to another worker:
            // nothing to report to, and nothing lost, because the engine decides what runs next.
            LOG.warn("BLACKSTART-BRIDGE-003 could not report the outcome of task {} ({} for {}): {}", task.getId(),
                    task.getTopicName(), task.getBusinessKey(), engineRefused.getMessage());
        }
    }

    private void complete(LockedExternalTask task, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            try {
                service.complete(task.getId(), settings.workerId(), variables);
                return;
            } catch (OptimisticLockingException concurrentUpdate) {
                // A lock extension, or a sibling of a parallel multi-instance (one notice task per
                // channel) completing in the same instant; the task is still ours, so again, a moment
                // later. Giving up would let the lock expire and the work run twice.
                if (attempt == COMPLETE_ATTEMPTS) {
                    throw concurrentUpdate;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(20, 60) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retryLater(LockedExternalTask task, RetryLater later) {
        // Not a failure: the retries stay as they were, and the task waits as long as it was told.
        int retries = task.getRetries() == null ? settings.retries() : task.getRetries();
        String message = truncate(redactor.redact(later.getMessage()));
        LOG.info("BLACKSTART-BRIDGE-004 {} for {} asked to wait {} s: {}", task.getTopicName(), task.getBusinessKey(),
                later.after().toSeconds(), message);
        service.handleFailure(task.getId(), settings.workerId(), "waiting: " + message, null, Math.max(1, retries),
                later.after().toMillis());
    }

    private void reportFailure(LockedExternalTask task, Exception failure) {
        int retriesLeft = task.getRetries() == null ? settings.retries() : Math.max(0, task.getRetries() - 1);
        long backoff = retriesLeft == 0 ? 0 : settings.backoffBefore(settings.retries() - retriesLeft + 1).toMillis();
        String message = truncate(redactor.redact(describe(failure)));
        if (retriesLeft == 0) {
            LOG.error("BLACKSTART-BRIDGE-001 {} for {} failed with no retries left, a Camunda incident is open: {}",
                    task.getTopicName(), task.getBusinessKey(), message);
        } else {
            LOG.warn("BLACKSTART-BRIDGE-001 {} for {} failed, {} retries left, next in {} ms: {}",
                    task.getTopicName(), task.getBusinessKey(), retriesLeft, backoff, message);
        }
        service.handleFailure(task.getId(), settings.workerId(), message, redactor.redact(stackTrace(failure)),
                retriesLeft, backoff);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resultVariables(Object body) {
        if (body instanceof TaskResult result) {
            return result.variables();
        }
        if (body instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
            return (Map<String, Object>) map;
        }
        return Map.of();
    }

    private static BusinessFailure findBusinessFailure(Throwable failure) {
        return find(failure, BusinessFailure.class);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (root != failure) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text;
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
