/**
 * On-call people, schedules and escalation policies, and the {@link org.blackstart.app.oncall.OnCallDirectory}
 * the paging process asks whom to page.
 *
 * <h2>Where entries come from</h2>
 * <ul>
 *   <li>Configuration: {@code blackstart.oncall.people.<id>}, {@code .schedules.<name>},
 *       {@code .policies.<name>} ({@link org.blackstart.app.oncall.OnCallProperties}). Read-only through
 *       the API (409). Checked at start-up; any problem stops the start with its property path.
 *       In demo mode also {@code blackstart.demo.oncall.*} (see
 *       {@link org.blackstart.app.oncall.DemoOnCallProperties} for why it is separate).</li>
 *   <li>The API: {@code PUT /api/oncall/{people|schedules|policies}/<name>}, stored as JSON documents in
 *       {@code bs_oncall_entry}; same rules, 400 naming the field, a refused edit changes nothing.
 *       Configuration entries may refer only to configuration entries; API entries to both.</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Person ids are Camunda user ids (A-Z a-z 0-9 . _ @ -); phone numbers E.164.</li>
 *   <li>Schedule and policy names: a-z 0-9 -.</li>
 *   <li>A schedule has a time zone and one or more layers (daily, weekly on a day, or custom length of
 *       at least 1h), each with a local hand-off time, a start date and participants in turn order.
 *       Every layer contributes its current person; a non-overlapping override replaces them all.
 *       Hand-offs are counted in local time, so they keep their wall-clock time across DST changes.</li>
 *   <li>A policy has levels of targets ({@code person:<id>}, {@code schedule:<name>}) with a timeout
 *       between {@code blackstart.oncall.minimum-level-timeout} (1m by default: a shorter level
 *       escalates before a person can answer; tests that run whole escalations lower it, to 1s at least) and 24h, a repeat count 0..9 and call attempts 1..5.</li>
 * </ul>
 *
 * <h2>Freshness</h2>
 * Each node caches what it read for {@code blackstart.oncall.refresh-interval} (5s; 0 = always read); its own edits
 * take effect at once, other nodes' after at most that interval.
 */
package org.blackstart.app.oncall;
