package org.blackstart.app.vendor.inbox;

import java.time.Instant;

/**
 * A stored vendor message, as {@code bs_vendor_message} keeps it.
 *
 * @param state        RECEIVED (stored, not yet delivered), DELIVERED, PARKED (no case matched, or the
 *                     sender may not speak for the case's vendor), FILED (a person filed it under a case,
 *                     then it was delivered) or DISMISSED
 * @param parkedReason why it was parked, for the person who files or dismisses it; {@code null} otherwise
 * @param files        how many files came with it
 * @param classifiedFrom the kind the vendor's system or the keywords gave it, when a commander changed it
 *                     ({@code kind} is then the commander's); {@code null} when never reclassified
 */
public record VendorMessageRecord(long id, String system, String account, String messageId, String caseNumber,
                                  String incidentKey, String vendor, String kind, String author, String subject,
                                  String text, String status, Instant receivedAt, Instant storedAt, String state,
                                  String resolvedBy, Instant resolvedAt, String resolvedNote, String parkedReason,
                                  int files, String classifiedFrom, String classifiedBy, Instant classifiedAt) {

    public static final String RECEIVED = "RECEIVED";
    public static final String DELIVERED = "DELIVERED";
    public static final String PARKED = "PARKED";
    public static final String FILED = "FILED";
    public static final String DISMISSED = "DISMISSED";
}
