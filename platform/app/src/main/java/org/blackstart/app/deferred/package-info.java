/**
 * The work the outage delayed: a commander asks for a review of the jobs a scheduler held back during the outage
 * window ({@code POST /api/incidents/{key}/deferred-work}), the {@code deferred-work} process proposes run, ask or
 * cancel per job with the decision table, the commander approves or changes the proposals, calls to customers decide
 * the asks, and every job runs or is cancelled once through {@code jobs.deferred.execute}. This package holds the
 * platform's side: starting the review, the expressions and listeners the process uses, and the checks of what
 * people submit.
 */
package org.blackstart.app.deferred;
