package org.blackstart.app.runbook;

import java.time.Instant;
import java.util.List;

/**
 * A runbook run as the incident shows it.
 *
 * @param outcome  running, completed, stopped or cancelled
 * @param steps    the steps open now (a run waiting for a four-eyes approval shows the approval), empty once ended
 * @param evidence the files attached to its steps, oldest first, without their bytes
 */
public record RunbookView(String id, String runbook, String name, int version, String startedBy, Instant startedAt,
                          String outcome, Instant endedAt, List<Step> steps, List<Evidence> evidence) {

    /** An open step: a Tasklist task. */
    public record Step(String taskId, String name, String assignee, Instant since) {
    }

    /** A file attached to a step; {@code url} downloads it. */
    public record Evidence(long id, String taskId, String step, String name, String contentType, long size, String addedBy,
                           Instant addedAt, String url) {
    }
}
