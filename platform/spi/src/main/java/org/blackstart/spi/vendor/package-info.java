/**
 * The vendor escalation contract: what a ticketing plugin receives on {@code vendor.case.open},
 * {@code vendor.case.update} and {@code vendor.case.close} ({@link org.blackstart.spi.vendor.VendorCase}),
 * the evidence it sends with a case ({@link org.blackstart.spi.vendor.CaseEvidence}), and how the
 * vendor's answers come back ({@link org.blackstart.spi.vendor.VendorInbox}).
 */
package org.blackstart.spi.vendor;
