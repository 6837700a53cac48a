/**
 * Limits per client address or e-mail address for endpoints anyone can reach: status page
 * subscriptions and failed logins.
 */
package org.blackstart.app.ratelimit;
