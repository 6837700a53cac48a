package org.blackstart.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One job a scheduler held back while the platform it serves was down: a mailing, an export.
 *
 * @param id            the scheduler's id of the job; with the incident it names one execution for good
 * @param name          what people call it, e.g. "Weekly offers, Rotterdam"
 * @param customerId    the customer the job is for (their id in the customer directory), or empty
 * @param dueAt         when it should have run
 * @param selectionKind {@link #STATIC} (a fixed list: still right later) or {@link #TIME_BOUND} (a list that
 *                      depends on when it is taken: "clicked a link in the last 2 hours")
 * @param selection     the selection in words, for the people deciding
 * @param recipients    how many it would reach
 */
public record DeferredJob(String id, String name, String customerId, Instant dueAt, String selectionKind,
                          String selection, int recipients) {

    public static final String STATIC = "static";
    public static final String TIME_BOUND = "time-bound";

    public DeferredJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueAt, "dueAt");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a deferred job needs an id");
        }
        name = name == null || name.isBlank() ? id : name;
        customerId = customerId == null ? "" : customerId;
        selectionKind = selectionKind == null ? "" : selectionKind.strip();
        selection = selection == null ? "" : selection;
        recipients = Math.max(0, recipients);
    }
}
