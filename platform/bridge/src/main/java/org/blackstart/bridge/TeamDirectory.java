package org.blackstart.bridge;

import java.util.List;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TeamMail;

/**
 * Finds the people a {@code team.mail} task names by their Camunda user ids. The bridge asks it
 * before the route runs, so every mail plugin receives addresses, never user ids to look up itself.
 */
public interface TeamDirectory {

    /**
     * The recipients among {@code userIds} that have an e-mail address, in the given order, and the
     * ids of the others.
     *
     * @param task the task that asks, so an implementation can tell the incident who was left out
     */
    Lookup lookUp(TaskContext task, List<String> userIds);

    /** What a lookup found. */
    record Lookup(List<TeamMail.Recipient> recipients, List<String> unreachable) {
        public Lookup {
            recipients = List.copyOf(recipients);
            unreachable = List.copyOf(unreachable);
        }
    }
}
