package org.blackstart.app.actions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code bs_action_item}, as the API answers it.
 *
 * @param status  {@code open} or {@code done}
 * @param overdue an open item whose due time has passed
 */
public record ActionItem(long id, String incidentKey, String title, String kind, String owner, LocalDate dueOn,
                         String status, boolean overdue, String ticketSystem, String ticketKey, String ticketUrl,
                         String createdBy, Instant createdAt, String closedBy, Instant closedAt) {

    static final String OPEN = "open";
    static final String DONE = "done";

    /** How the timeline names it: {@code action item #3 'Add second feed to rack B' (prevent)}. */
    String describe() {
        return "action item #" + id + " '" + title + "' (" + kind + ")";
    }
}
