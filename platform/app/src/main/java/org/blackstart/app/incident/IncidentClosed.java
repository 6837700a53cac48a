package org.blackstart.app.incident;

/**
 * Published in the engine's transaction when an incident's process ends by closing (not when it is cancelled):
 * a synchronous listener's work commits or rolls back with the close.
 */
public record IncidentClosed(String incidentKey, String severity) {
}
