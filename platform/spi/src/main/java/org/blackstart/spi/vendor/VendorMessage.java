package org.blackstart.spi.vendor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a vendor said or did on a case, as a ticketing plugin read it (webhook, poll, IMAP).
 *
 * @param system     the ticketing system (plugin slug), e.g. {@code servicenow}
 * @param account    the plugin's account it came in on
 * @param caseNumber the case number as the vendor's system shows it; {@code null} when none could be read
 *                   (the message is then parked for a person)
 * @param messageId  the system's unique id of this message (journal entry sys_id, comment id, Message-ID):
 *                   the same message read twice is delivered once
 * @param kind       what the vendor did, as far as the plugin can tell from the system's own fields
 * @param author     who wrote it, for people
 * @param subject    a subject line, if the medium has one
 * @param text       what the vendor wrote; may be empty for a status change
 * @param status     the case's status in the vendor's words ({@code In Progress}, {@code Waiting for customer})
 * @param receivedAt when the vendor's system says it happened
 * @param attachments files that came with it
 * @param mail       for an e-mail, who it says it is from: the platform delivers it to a case only when
 *                   that is one of the case vendor's addresses; {@code null} for other media. A message of
 *                   the {@code email} system without it is never delivered to a case.
 */
public record VendorMessage(String system, String account, String caseNumber, String messageId, Kind kind,
                            String author, String subject, String text, String status, Instant receivedAt,
                            List<VendorAttachment> attachments, MailOrigin mail) {

    /** The system of e-mail vendors, whose messages are checked against the vendor's addresses. */
    public static final String EMAIL = "email";

    /** What the vendor did. The platform counts the first answer of any kind as the acknowledgement. */
    public enum Kind {
        /** The vendor took the case: assigned it, moved it to work in progress. */
        ACKNOWLEDGED,
        /** A comment or e-mail with no request the system marks as such. */
        REPLY,
        /** The vendor waits for us: "send logs", "apply patch", "awaiting customer". */
        REQUEST,
        /** The vendor says the fault is not theirs (e.g. resolved as "not a product defect"). */
        DISPUTE,
        /** The vendor says the fault is fixed. */
        RESOLVED,
        /** The vendor closed the case. */
        CLOSED
    }

    public VendorMessage {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        caseNumber = caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message of a medium other than e-mail (webhook, API poll), authenticated by its source. */
    public VendorMessage(String system, String account, String caseNumber, String messageId, Kind kind, String author,
                         String subject, String text, String status, Instant receivedAt, List<VendorAttachment> attachments) {
        this(system, account, caseNumber, messageId, kind, author, subject, text, status, receivedAt, attachments, null);
    }
}
