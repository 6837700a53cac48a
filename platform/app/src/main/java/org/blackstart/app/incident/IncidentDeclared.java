package org.blackstart.app.incident;

/**
 * Published in the engine's transaction when an incident's process starts and its {@code bs_incident} row is written:
 * whatever an incident has from its first moment (its key times, a link to the incident it repeats) commits with it.
 *
 * @param alertGroupId the {@code bs_alert_group} whose alerts opened the incident, {@code null} when a person declared it
 */
public record IncidentDeclared(String incidentKey, String declaredBy, Long alertGroupId) {
}
