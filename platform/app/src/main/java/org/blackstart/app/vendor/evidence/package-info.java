/**
 * What a vendor gets with its case: {@link org.blackstart.app.vendor.evidence.JdbcCaseEvidence}, the
 * platform's {@link org.blackstart.spi.vendor.CaseEvidence}, and the files commanders add for a vendor
 * ({@code bs_vendor_file}, {@code /api/incidents/<key>/vendor-escalations/<vendor>/attachments}, up to
 * {@code blackstart.vendors.max-attachment-size}).
 *
 * <p>A new case ({@code open}) gets the incident summary, its last 30 timeline lines, its alerts (status,
 * source, summary, severity, times, link; not their labels) and the files added with step {@code open};
 * a later step only the files added with that step's name. Files count as sent once a ticketing plugin
 * has taken them for their step; a retried step takes the same files again.
 */
package org.blackstart.app.vendor.evidence;
