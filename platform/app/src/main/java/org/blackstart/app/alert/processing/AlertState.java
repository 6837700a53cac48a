package org.blackstart.app.alert.processing;

import java.time.Instant;
import org.blackstart.spi.AlertStatus;

/** A {@code bs_alert} row while a cycle works on it; written back once at the end of the cycle. */
final class AlertState {

    Long id;
    final String source;
    final String dedupKey;
    AlertStatus status;
    String summary;
    String severity;
    String labelsJson;
    String annotationsJson;
    String link;
    final Instant firstSeenAt;
    Instant lastSeenAt;
    Instant acknowledgedAt;
    Instant resolvedAt;
    int occurrences;
    final GroupState group;
    String incidentKey;

    AlertState(Long id, String source, String dedupKey, AlertStatus status, String summary, String severity,
               String labelsJson, String annotationsJson, String link, Instant firstSeenAt, Instant lastSeenAt,
               Instant acknowledgedAt, Instant resolvedAt, int occurrences, GroupState group, String incidentKey) {
        this.id = id;
        this.source = source;
        this.dedupKey = dedupKey;
        this.status = status;
        this.summary = summary;
        this.severity = severity;
        this.labelsJson = labelsJson;
        this.annotationsJson = annotationsJson;
        this.link = link;
        this.firstSeenAt = firstSeenAt;
        this.lastSeenAt = lastSeenAt;
        this.acknowledgedAt = acknowledgedAt;
        this.resolvedAt = resolvedAt;
        this.occurrences = occurrences;
        this.group = group;
        this.incidentKey = incidentKey;
    }

    static AlertState opened(InboxRow row, GroupState group) {
        return new AlertState(null, row.source(), row.dedupKey(), AlertStatus.FIRING, row.summary(), row.severity(),
                row.labelsJson(), row.annotationsJson(), row.link(), row.receivedAt(), row.receivedAt(), null, null, 1,
                group, group.incidentKey);
    }

    boolean isNew() {
        return id == null;
    }

    String openKey() {
        return status == AlertStatus.RESOLVED ? null : InboxRow.openKey(source, dedupKey);
    }

    /** The source reported the alert again: the latest report describes it. */
    void seen(InboxRow row) {
        occurrences++;
        lastSeenAt = row.receivedAt();
        summary = row.summary().isEmpty() ? summary : row.summary();
        severity = row.severity() == null ? severity : row.severity();
        labelsJson = row.labelsJson();
        annotationsJson = row.annotationsJson();
        link = row.link() == null ? link : row.link();
    }
}
