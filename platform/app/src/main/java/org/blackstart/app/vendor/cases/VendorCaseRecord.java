package org.blackstart.app.vendor.cases;

import java.time.Instant;

/**
 * One vendor case as {@code bs_vendor_case} keeps it.
 *
 * @param caseNumber the number as the vendor's system wrote it when the case was opened
 * @param state      {@code OPEN} or {@code CLOSED}
 * @param keptAfterClose true when a commander kept the case open as its incident closed
 * @param keptReason     why it was kept
 */
public record VendorCaseRecord(long id, String incidentKey, String vendor, String system, String account,
                               String caseNumber, String caseId, String caseUrl, String processInstanceId,
                               Integer priority, Instant openedAt, Instant acknowledgedAt, Instant slaBreachedAt,
                               Instant closedAt, String disputeOutcome, String state, boolean keptAfterClose,
                               String keptBy, String keptReason) {

    public static final String OPEN = "OPEN";
}
