package org.blackstart.app.links;

import java.time.Instant;

/**
 * A link as one incident sees it. An incident sees its own links ({@code direction} outgoing) and those of other
 * incidents to it (incoming: {@code target} is then the incident that links here, {@code kind} stays as that one
 * said it, e.g. INC-2 is a recurrence-of this one).
 *
 * @param title         the other incident's or maintenance window's title, {@code null} for a vendor's change
 * @param status        the other incident's or maintenance window's status
 * @param postmortemUrl the other incident's postmortem page when it has a postmortem, else {@code null}
 */
public record IncidentLink(long id, String kind, String direction, String targetType, String target, String title,
                           String status, String postmortemUrl, String note, String createdBy, Instant createdAt) {
}
