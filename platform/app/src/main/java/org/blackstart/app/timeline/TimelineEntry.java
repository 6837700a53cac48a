package org.blackstart.app.timeline;

import java.time.Instant;

/**
 * One thing that happened in an incident.
 *
 * @param kind     what kind of thing; see {@link TimelineKind}
 * @param step     BPMN activity id, when it is about a step
 * @param stepName the step as people name it
 * @param actor    who did it: a user id, a plugin, or {@code system}
 * @param pinnedBy who pinned the entry for the postmortem, {@code null} when it is not pinned
 * @param visibility {@value #ALL} (everyone who reads the incident) or {@value #COMMANDERS} (a commander's private
 *                 note: commanders and platform admins only)
 */
public record TimelineEntry(long id, String incidentKey, Instant at, TimelineKind kind, String step, String stepName,
                            String actor, String detail, String pinnedBy, Instant pinnedAt, String visibility) {

    public static final String ALL = "all";
    public static final String COMMANDERS = "commanders";

    /** Whether only commanders and platform admins may read it. */
    public boolean commandersOnly() {
        return COMMANDERS.equals(visibility);
    }
}
