/**
 * The generic REST scheduler plugin: serves {@code jobs.deferred.list} and {@code jobs.deferred.execute} on any
 * scheduler (mailings, exports, reports) that speaks this small API, published by Blackstart so a scheduler
 * can add it in an afternoon. Every call carries {@code Authorization: Bearer <token>}.
 *
 * <h2>{@code GET /jobs?dueFrom=<ISO instant>&dueTo=<ISO instant>&status=pending}</h2>
 * The jobs that were due in the window (both ends inclusive) and have not run:
 * <pre>{@code
 * {"jobs": [{"id": "mail-0017", "name": "Weekly offers", "customerId": "rotterdam-flowers",
 *            "dueAt": "2026-12-08T02:00:00Z", "selectionKind": "static",
 *            "selection": "All contacts in Rotterdam", "recipients": 1200}]}
 * }</pre>
 * {@code selectionKind} is {@code static} (a fixed list, still right later) or {@code time-bound} (a list that
 * depends on when it is taken, such as "clicked a link in the last 2 hours").
 *
 * <h2>{@code POST /jobs/{id}/run} and {@code POST /jobs/{id}/cancel}</h2>
 * With header {@code Idempotency-Key}: the same key again must answer as the first time, without running or
 * cancelling a second time. Answer {@code 200} or {@code 202} with {@code {"id": "...", "status": "...",
 * "reference": "..."}}; {@code 404} for a job the scheduler does not know (the process records it and goes on);
 * {@code 409} for a job already run or cancelled under another key. {@code 401}, {@code 403}, {@code 429} and
 * {@code 5xx} are tried again later.
 */
package org.blackstart.plugins.restscheduler;
