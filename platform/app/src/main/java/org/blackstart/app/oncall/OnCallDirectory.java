package org.blackstart.app.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who is paged, and how, for an escalation policy: what the paging process asks at each level. */
public interface OnCallDirectory {

    /** The policy's shape, or empty when no policy has that name. */
    Optional<EscalationPlan> plan(String policyName);

    /**
     * The people to page at a level at a moment: the level's people and whoever is on call then in
     * the level's schedules (overrides included), without duplicates, in the policy's order.
     *
     * @param level from 1
     * @throws IllegalArgumentException when the policy or level does not exist
     */
    List<Responder> respondersAt(String policyName, int level, Instant at);

    /**
     * Who a schedule has on call at a moment (overrides included), or empty when there is no such schedule;
     * a schedule with nobody on call then gives an empty list.
     */
    default Optional<List<Responder>> onCallIn(String scheduleName, Instant at) {
        return Optional.empty();
    }

    /** A person by id, or empty. Person ids are also their Camunda user ids, so Tasklist offers them their pages. */
    Optional<Responder> person(String id);

    /**
     * @param name          the policy's name
     * @param levelTimeouts how long each level is paged before the next is; one entry per level
     * @param repeat        how many more times the whole policy runs after the last level went unanswered
     * @param callAttempts  calls to the same person at one level before an unanswered call escalates
     */
    record EscalationPlan(String name, List<Duration> levelTimeouts, int repeat, int callAttempts) {
        public int levels() {
            return levelTimeouts.size();
        }
    }

    /** @param phone E.164, e.g. {@code +31201234567} */
    record Responder(String id, String name, String phone) {
    }
}
