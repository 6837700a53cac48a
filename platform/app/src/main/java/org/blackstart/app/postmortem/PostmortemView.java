package org.blackstart.app.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * A postmortem as {@code GET /api/incidents/{key}/postmortem} answers it: its state, the commander's sections, the
 * draft built from what was recorded (fresh until approved, as approved after), every review round, and its links.
 */
public record PostmortemView(String incidentKey, String title, String status, String author, String reviewer,
                             PostmortemRecord.Sections sections, PostmortemFacts facts,
                             List<PostmortemRecord.Review> reviews, Instant meetingAt, Instant createdAt,
                             Instant approvedAt, Instant publishedAt, Links links) {

    /** The internal page, the exports and, once published, the public report. */
    public record Links(String page, String markdown, String pdf, String report) {
    }
}
