package org.blackstart.spi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One action item of a postmortem as {@code actions.ticket.open} and {@code actions.ticket.close} receive it:
 * the work a team promised after an incident, to be tracked in the team's own tracker. The tracker plugin
 * opens one ticket per item (claimed in the delivery ledger under {@link #deliveryKey(String)}), completes
 * the open task with {@link Results}, and reports a ticket closed on its side through {@link ActionTickets}.
 *
 * @param incidentKey  business key of the incident the item came from
 * @param itemId       the item's id in the platform; with the incident it names the ticket for good
 * @param title        what is to be done, one line
 * @param kind         {@code mitigate}, {@code prevent} or {@code detect}
 * @param owner        the platform user who owns the item
 * @param dueOn        the day it is due
 * @param link         the incident's page in the platform, for the ticket's description
 * @param ticketSystem the tracker holding the ticket ({@code null} before it is opened)
 * @param ticketKey    the tracker's key of the ticket, e.g. {@code OPS-17} ({@code null} before it is opened)
 */
public record ActionTicket(String incidentKey, long itemId, String title, String kind, String owner, LocalDate dueOn,
                           String link, String ticketSystem, String ticketKey) {

    /** Process variable names of the action-item process that make up the body. */
    public static final class Variables {
        public static final String ITEM_ID = "actionItemId";
        public static final String TITLE = "actionTitle";
        public static final String KIND = "actionKind";
        public static final String OWNER = "actionOwner";
        /** ISO date, e.g. {@code 2026-12-22}. */
        public static final String DUE_ON = "actionDueOn";
        public static final String LINK = "actionLink";

        private Variables() {
        }
    }

    /** Result variables a tracker completes {@code actions.ticket.open} with. */
    public static final class Results {
        /** The tracker's slug, e.g. {@code jira}. */
        public static final String TICKET_SYSTEM = "ticketSystem";
        public static final String TICKET_KEY = "ticketKey";
        /** Where a person opens the ticket, if the tracker has a page for it. */
        public static final String TICKET_URL = "ticketUrl";

        private Results() {
        }
    }

    public ActionTicket {
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(title, "title");
        kind = kind == null ? "" : kind;
        owner = owner == null ? "" : owner;
        link = link == null ? "" : link;
    }

    /** Reads the item from the variables of a task, by the names in {@link Variables} and {@link Results}. */
    public static ActionTicket from(TaskContext task) {
        String id = task.string(Variables.ITEM_ID);
        String due = task.string(Variables.DUE_ON);
        LocalDate dueOn;
        try {
            dueOn = due == null || due.isBlank() ? null : LocalDate.parse(due.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("action item of " + task.incidentKey() + " has an unreadable "
                    + Variables.DUE_ON + " '" + due + "'", e);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("the task of " + task.incidentKey() + " on " + task.topic()
                    + " has no " + Variables.ITEM_ID);
        }
        return new ActionTicket(task.incidentKey(), Long.parseLong(id.strip()),
                Objects.requireNonNullElse(task.string(Variables.TITLE), ""), task.string(Variables.KIND),
                task.string(Variables.OWNER), dueOn, task.string(Variables.LINK),
                task.string(Results.TICKET_SYSTEM), task.string(Results.TICKET_KEY));
    }

    /**
     * The delivery key of one step on this item's ticket ({@code open}, {@code close}) in {@code system}: one
     * ticket per item and one close, whatever the retries.
     */
    public DeliveryKey deliveryKey(String system, String step) {
        return new DeliveryKey(incidentKey, "action-" + itemId + "-" + step, "action-ticket:" + system, "tracker");
    }
}
