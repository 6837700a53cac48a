/**
 * The e-mail plugin: serves {@code notice.email} over SMTP, one message per recipient, each claimed
 * in the delivery ledger before it is sent; bulk fan-outs over a few long-lived SMTP connections
 * with an optional rate limit.
 */
package org.blackstart.plugins.email;
