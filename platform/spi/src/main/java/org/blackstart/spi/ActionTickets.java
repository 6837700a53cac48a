package org.blackstart.spi;

/**
 * Where tracker plugins report that a person closed an action item's ticket on their side (Jira's issue
 * moved to a done status). The platform finds the item by system and ticket key and ends it as done;
 * a ticket it does not know is ignored (and logged), a ticket whose item is already done changes nothing.
 *
 * <p>Call it only after the report is authenticated (the webhook's signature).
 */
public interface ActionTickets {

    /** What became of a report. */
    enum Outcome {
        /** The item was open and is now done. */
        CLOSED,
        /** The item was done already; nothing changed. */
        ALREADY_DONE,
        /** No action item has this ticket; nothing changed. */
        UNKNOWN
    }

    /**
     * @param system    the tracker's slug, e.g. {@code jira}
     * @param ticketKey the ticket's key in it
     * @param closedBy  who closed it there, for the timeline; {@code null} when the tracker does not say
     */
    Outcome closed(String system, String ticketKey, String closedBy);
}
