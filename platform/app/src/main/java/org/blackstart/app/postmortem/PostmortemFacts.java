package org.blackstart.app.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The postmortem's draft: what the platform recorded about the incident, so the commander starts from facts and
 * writes only what no record can know. Stored as JSON in {@code bs_postmortem.facts}; built again until approved.
 * A piece nobody recorded is {@code null} or empty and reads "not recorded"; it never fails the draft.
 *
 * @param keyTimes the key times in force, by name ({@link KeyTimeDurations#NAMES}); a name never set is absent
 * @param alertCount all alerts of the incident; {@code alerts} lists the first {@value PostmortemFactsBuilder#ALERTS}
 */
public record PostmortemFacts(Instant builtAt, Incident incident, Impact impact, Map<String, Instant> keyTimes,
                              List<Span> durations, List<Pinned> pinned, List<Alert> alerts, long alertCount,
                              List<Page> pages, List<Answer> answered, List<VendorCase> vendorCases,
                              List<ActionItem> actionItems) {

    /** The incident as its record holds it; {@code commander} is who triaged it. */
    public record Incident(String key, String title, String severity, String status, String summary, String commander,
                           Instant declaredAt, Instant closedAt, String rootCause, String resolution) {
    }

    /**
     * Who was affected and what they were told.
     *
     * @param services  the affected services by their public names
     * @param customers distinct customers and subscribers a notice reached
     */
    public record Impact(List<String> services, String customerImpact, long customers, List<Notice> notices) {
    }

    /** One notice on one channel in one language ({@code null} for channels that speak to everyone at once). */
    public record Notice(String step, String channel, String language, int sent, int refused, int pending) {
    }

    /**
     * A duration between two key times; {@code minutes} is {@code null} when either end was not recorded.
     *
     * @param label as people read it: "Time to detect"
     */
    public record Span(String name, String label, String from, String to, Long minutes) {
    }

    /** A timeline entry someone pinned for the postmortem. */
    public record Pinned(long id, Instant at, String kind, String actor, String step, String detail, String pinnedBy) {
    }

    public record Alert(String source, String summary, String severity, String status, Instant firstSeenAt,
                        Instant resolvedAt, int occurrences) {
    }

    /** A page: level, round and call attempt ({@code L1-R1-A1}), to whom and how. */
    public record Page(String step, String channel, String recipient, String state, Instant sentAt) {
    }

    /** Who answered the pages, how and when. */
    public record Answer(Instant at, String by, String via) {
    }

    /**
     * @param responseMinutes from opening the case to the vendor's acknowledgement; {@code null} when not acknowledged
     */
    public record VendorCase(String vendor, String caseNumber, Instant openedAt, Instant acknowledgedAt,
                             Long responseMinutes, Instant slaBreachedAt, Instant closedAt, List<Dispute> disputes) {
    }

    public record Dispute(String outcome, String note, String settledBy, Instant settledAt) {
    }

    public record ActionItem(long id, String title, String kind, String owner, LocalDate dueOn, String status,
                             String ticketKey, String ticketUrl) {
    }
}
