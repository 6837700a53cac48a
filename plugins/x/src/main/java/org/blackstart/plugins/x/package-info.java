/**
 * The X plugin: serves {@code notice.x} with X's API v2 ({@code POST /2/tweets}), authorized by an
 * OAuth 2.0 user-context token kept fresh in the platform's plugin state, or signed with OAuth 1.0a;
 * every post claimed in the delivery ledger before it is made.
 */
package org.blackstart.plugins.x;
