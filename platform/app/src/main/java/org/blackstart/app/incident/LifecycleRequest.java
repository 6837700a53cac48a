package org.blackstart.app.incident;

/**
 * Body of {@code POST /api/incidents/{key}/reopen} and {@code .../close}: why. Checked by {@link IncidentLifecycle}
 * (required to reopen, optional to close, at most {@value IncidentLifecycle#REASON_LIMIT} characters).
 */
record LifecycleRequest(String reason) {
}
