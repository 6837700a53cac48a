/**
 * Recovery runbooks: executable BPMN processes marked {@code blackstart.runbook = true} (the shipped ones in
 * {@code bpmn/runbooks/}, more deployed at run time), listed by {@link org.blackstart.app.runbook.RunbookCatalog}
 * and started by a commander for an incident, whose key is the run's business key. Each step is a Tasklist task
 * with a form and a timeline line; people working a step attach evidence ({@code bs_runbook_evidence}). A step
 * marked {@code blackstart.fourEyes = true} records who completed it, and the {@code four-eyes} process called after
 * it refuses that person's approval ({@link org.blackstart.app.runbook.FourEyes}). Runs are kept in
 * {@code bs_runbook_run}, written in the engine's transaction as a run starts and ends.
 */
package org.blackstart.app.runbook;
