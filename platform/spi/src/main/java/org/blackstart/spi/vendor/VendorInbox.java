package org.blackstart.spi.vendor;

/**
 * Where ticketing plugins hand what vendors send. The platform stores the message and its files
 * before anything else, drops a message it has already seen, finds the case by its number, puts the
 * message on the incident's timeline and delivers it to the vendor escalation as a BPMN message
 * through {@code blackstart:message:} ({@code VendorAcknowledged}, {@code VendorReplied},
 * {@code VendorRequested}, {@code VendorDisputed}, {@code VendorResolved}). A message for no known
 * case is parked for a person to file or dismiss, never dropped; so is an e-mail ({@link VendorMessage#mail()})
 * whose sender is not one of the case vendor's addresses, or whose DMARC check failed.
 *
 * <p>Call it only after the message is authenticated (webhook secret, signature, the polled account);
 * the plugin may acknowledge the message to its source (reply 2xx, mark the e-mail read) once this
 * returns, whatever the outcome.
 */
public interface VendorInbox {

    /** What became of a message. */
    enum Outcome {
        /** Stored, on the timeline, and delivered to the escalation of its case. */
        DELIVERED,
        /** Seen before (same system and message id); nothing changed. */
        DUPLICATE,
        /**
         * Stored and waiting for a person, with the reason: the case number is missing or unknown, or an
         * e-mail's sender may not speak for the case's vendor (not one of its addresses, DMARC failed).
         */
        PARKED
    }

    /** Stores and delivers {@code message}; see {@link Outcome}. */
    Outcome receive(VendorMessage message);
}
