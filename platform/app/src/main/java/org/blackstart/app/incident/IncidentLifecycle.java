package org.blackstart.app.incident;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After Resolve an incident is monitoring: a commander (or its alerts firing again) reopens it, back to mitigation,
 * or a commander closes it before the period ends. Both are messages to the incident's process
 * ({@code IncidentReopened}, {@code IncidentCloseRequested}), which records who and why on the timeline and sets the
 * status; refused, with nothing changed, unless the incident is monitoring.
 */
@Component
public class IncidentLifecycle {

    public static final String REOPENED = "IncidentReopened";
    public static final String CLOSE_REQUESTED = "IncidentCloseRequested";
    public static final int REASON_LIMIT = 500;
    static final String MONITORING = "monitoring";
    /** Like a page's acknowledgement: a few tries when the process moves on at the same moment. */
    private static final int ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(IncidentLifecycle.class);

    private final IncidentRepository incidents;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;

    IncidentLifecycle(IncidentRepository incidents, RuntimeService runtime, TransactionTemplate transactions) {
        this.incidents = incidents;
        this.runtime = runtime;
        this.transactions = transactions;
    }

    /**
     * Takes a monitoring incident back to mitigation; customers and the status page are told, the update reminders
     * run again.
     *
     * @param reason required, at most {@value #REASON_LIMIT} characters
     * @return the incident as it now is (status {@code reopened})
     * @throws IncidentNotFoundException when there is no such incident
     * @throws IncidentProblem           400 for a missing or long reason, 409 unless the incident is monitoring
     */
    public IncidentRecord reopen(String key, String reason, String user) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw IncidentProblem.invalid("reason is required: say why the incident is reopened");
        }
        checkLength(why);
        IncidentRecord after = correlate(key, "reopen", REOPENED, Map.of("reopenReason", why, "reopenedBy", user));
        LOG.info("BLACKSTART-APP-040 {} reopened {}: {}", user, key, why);
        return after;
    }

    /**
     * Closes a monitoring incident before its period ends, once customers have been told it is resolved.
     *
     * @param reason optional, at most {@value #REASON_LIMIT} characters
     * @return the incident as it now is (status {@code closed})
     * @throws IncidentNotFoundException when there is no such incident
     * @throws IncidentProblem           400 for a long reason, 409 unless the incident is monitoring
     */
    public IncidentRecord close(String key, String reason, String user) {
        String why = reason == null ? "" : reason.strip();
        checkLength(why);
        IncidentRecord after = correlate(key, "close", CLOSE_REQUESTED, Map.of("closeReason", why, "closedBy", user));
        LOG.info("BLACKSTART-APP-041 {} closed {} early{}", user, key, why.isEmpty() ? "" : ": " + why);
        return after;
    }

    private static void checkLength(String reason) {
        if (reason.length() > REASON_LIMIT) {
            throw IncidentProblem.invalid("reason must be at most " + REASON_LIMIT + " characters");
        }
    }

    private IncidentRecord correlate(String key, String change, String message, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            try {
                return correlateOnce(key, change, message, variables);
            } catch (OptimisticLockingException collided) {
                // The engine refuses a collision whole (a notice or a timer moved the process on at the same moment):
                // nothing of this attempt stayed, so another one is safe.
                if (attempt == ATTEMPTS) {
                    throw IncidentProblem.conflict("incident " + key + " kept changing while it was being "
                            + (change.endsWith("e") ? change + "d" : change + "ed") + "; nothing was changed, try again");
                }
                LOG.debug("{} of {} collided with the process moving on; attempt {} of {}", change, key, attempt, ATTEMPTS);
            }
        }
    }

    private IncidentRecord correlateOnce(String key, String change, String message, Map<String, Object> variables) {
        return transactions.execute(tx -> {
            // Locked: a reopen and a close (or the period ending) at the same moment do not both go through.
            IncidentRecord incident = incidents.findForUpdate(key).orElseThrow(() -> new IncidentNotFoundException(key));
            if (!MONITORING.equals(incident.status())) {
                throw IncidentProblem.conflict("incident " + key + " is " + incident.status() + "; " + change
                        + " is for monitoring incidents only");
            }
            // Without the user's engine authentication: Spring Security let a commander in, and commanders hold no
            // engine grant to change process instances (the process's timeline line names who, from the message).
            try {
                runtime.createMessageCorrelation(message).processInstanceId(incident.processInstanceId())
                        .setVariables(variables).correlate();
            } catch (MismatchingMessageCorrelationException notListening) {
                // Reopening is heard from Resolve on; closing only once the resolved notice is out.
                throw IncidentProblem.conflict(REOPENED.equals(message)
                        ? "incident " + key + " is not waiting to be reopened; nothing was changed"
                        : "incident " + key + " cannot be closed while its resolved notice is still being reviewed "
                                + "or sent; close it once customers have been told");
            }
            return incidents.find(key).orElseThrow();
        });
    }
}
