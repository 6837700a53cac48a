package org.blackstart.app.incident;

import java.time.Instant;

/**
 * Published in the engine's transaction when a step of an incident sets its status ({@code blackstart.status}:
 * triaged, mitigated, monitoring, closed, ...). {@code at} is the engine's clock, so process tests that move it
 * see the times they set; {@code actor} is the user who completed the step, or {@code system}.
 */
public record IncidentStatusChanged(String incidentKey, String status, Instant at, String actor) {
}
