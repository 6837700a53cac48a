package org.blackstart.app.postmortem;

import java.time.Instant;

/**
 * A row of {@code bs_postmortem}. {@code status}: draft, in-review, approved, published.
 *
 * @param facts the draft built from what was recorded, as JSON; {@code null} until first built
 */
record PostmortemRecord(String incidentKey, String status, String author, String reviewer, String facts,
                        Sections sections, Instant meetingAt, Instant createdAt, Instant updatedAt, Instant approvedAt,
                        Instant publishedAt) {

    /** What the commander writes; customerSummary and customerChanges are what the public report says. */
    record Sections(String summary, String trigger, String contributingFactors, String wentWell, String wentWrong,
                    String gotLucky, String customerSummary, String customerChanges) {
    }

    /** One review round: {@code verdict} approve or changes. */
    record Review(long id, String reviewer, String verdict, String comments, Instant reviewedAt) {
    }
}
