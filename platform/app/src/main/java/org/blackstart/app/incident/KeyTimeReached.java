package org.blackstart.app.incident;

import java.time.Instant;

/**
 * Published in the engine's transaction when a step marked {@code blackstart.keyTime} ends: the incident reached one
 * of its key times there (a page acknowledged: {@code acknowledged}). {@code at} is the engine's clock.
 */
public record KeyTimeReached(String incidentKey, String name, Instant at, String actor) {
}
