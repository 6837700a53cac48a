/**
 * The e-mail plugin: serves {@code notice.email} over SMTP with camel-mail, one message per
 * recipient, each claimed in the delivery ledger before it is sent.
 */
package org.blackstart.plugins.email;
