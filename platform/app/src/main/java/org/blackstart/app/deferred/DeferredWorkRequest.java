package org.blackstart.app.deferred;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The body of {@code POST /api/incidents/{key}/deferred-work}: the outage window whose held-back jobs to review.
 *
 * @param from when the outage began (ISO instant, e.g. {@code 2026-12-07T22:10:00Z})
 * @param to   when the scheduler could run again; at most now
 */
record DeferredWorkRequest(@NotNull Instant from, @NotNull Instant to) {
}
