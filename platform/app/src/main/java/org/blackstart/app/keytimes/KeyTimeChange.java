package org.blackstart.app.keytimes;

import java.time.Instant;

/**
 * One row of an incident's key times: the time {@code name} was set to, by whom ({@code system}, the user who
 * completed the step, or a commander correcting it) and why, recorded at {@code recordedAt}.
 */
public record KeyTimeChange(long id, String name, Instant at, String setBy, String reason, Instant recordedAt) {
}
