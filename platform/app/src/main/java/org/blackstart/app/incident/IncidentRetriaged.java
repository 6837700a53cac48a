package org.blackstart.app.incident;

/**
 * Published after a re-triage is committed, with the incident's severity as it now is (changed or
 * not), so that whatever follows the severity (task priorities) can follow it.
 */
public record IncidentRetriaged(String incidentKey, String severity) {
}
