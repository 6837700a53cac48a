/**
 * The vendor-mail plugin: serves {@code vendor.case.open}, {@code update} and {@code close} for
 * vendors reached only by e-mail. A case is opened by an e-mail with the evidence attached and a case
 * number of ours in the subject; answers and the close are replies in its thread; the vendor's replies
 * are read by IMAP polling on one node, matched by the case number in the subject and handed to the
 * platform's vendor inbox.
 */
package org.blackstart.plugins.vendormail;
