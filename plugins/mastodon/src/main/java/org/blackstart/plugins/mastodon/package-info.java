/**
 * The Mastodon plugin: serves {@code notice.mastodon} with {@code POST /api/v1/statuses}, passing the
 * delivery key as {@code Idempotency-Key} so that a resend never posts twice.
 */
package org.blackstart.plugins.mastodon;
