package org.blackstart.app.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code statusMailWait} in {@code status-mail}: a confirmation started while the mail servers are down is not lost.
 * Each time the e-mail channel answers that it is unavailable, the mail waits longer (see
 * {@link StatusMailRetryProperties}), up to a bound, and is tried again; a watch on the e-mail channel makes the
 * wait end early when mail answers again. The ledger keeps it to one message, however many tries.
 */
@Component("statusMailWait")
public class StatusMailWait {

    static final String SINCE = "statusMailUnavailableSince";
    static final String WAITS = "statusMailWaits";

    private static final Logger LOG = LoggerFactory.getLogger(StatusMailWait.class);

    private final StatusMailRetryProperties properties;
    private final Clock clock;

    StatusMailWait(StatusMailRetryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** True while the mail has waited less than {@code give-up-after} since mail was first unavailable for it. */
    public boolean keepTrying(DelegateExecution execution) {
        Instant now = clock.instant();
        Object since = execution.getVariable(SINCE);
        if (!(since instanceof String first)) {
            execution.setVariable(SINCE, now.toString());
            return true;
        }
        boolean keep = Duration.between(Instant.parse(first), now).compareTo(properties.giveUpAfter()) < 0;
        if (!keep) {
            LOG.warn("BLACKSTART-STATUS-040 status page mail '{}' of {} given up: e-mail unavailable since {}",
                    execution.getVariable("noticeStep"), execution.getProcessBusinessKey(), first);
        }
        return keep;
    }

    /** The next wait, as an ISO-8601 duration: doubling from {@code first-wait}, at most {@code max-wait}. */
    public String next(DelegateExecution execution) {
        Object counted = execution.getVariable(WAITS);
        int waits = counted instanceof Number n ? n.intValue() : 0;
        execution.setVariable(WAITS, waits + 1);
        return wait(waits).toString();
    }

    Duration wait(int earlierWaits) {
        Duration wait = properties.firstWait();
        for (int i = 0; i < earlierWaits && wait.compareTo(properties.maxWait()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxWait()) > 0 ? properties.maxWait() : wait;
    }
}
