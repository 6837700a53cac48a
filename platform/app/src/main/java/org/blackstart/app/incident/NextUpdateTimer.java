package org.blackstart.app.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.blackstart.app.notice.NoticeCadence;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The timer that asks for the next customer update ({@code NextUpdateDue} in Keep customers updated).
 * It took its duration from the severity when it started; after a change of severity it is moved to
 * the new cadence counted from when it started, that is from the last update. An update that the
 * new cadence says is already late falls due at once.
 */
@Component
class NextUpdateTimer {

    static final String ACTIVITY = "NextUpdateDue";

    private final ManagementService management;
    private final NoticeCadence cadence;
    private final Clock clock;

    NextUpdateTimer(ManagementService management, NoticeCadence cadence, Clock clock) {
        this.management = management;
        this.cadence = cadence;
        this.clock = clock;
    }

    /** @return the new due time, or empty when no update timer is waiting (no notice yet, or an update is due) */
    Optional<Instant> follow(String processInstanceId, String severity) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(ACTIVITY).timers()
                .singleResult();
        if (timer == null || timer.getCreateTime() == null) {
            return Optional.empty();
        }
        Instant due = timer.getCreateTime().toInstant().plus(cadence.interval(severity));
        Instant now = clock.instant();
        if (due.isBefore(now)) {
            due = now;
        }
        management.setJobDuedate(timer.getId(), Date.from(due));
        return Optional.of(due);
    }
}
