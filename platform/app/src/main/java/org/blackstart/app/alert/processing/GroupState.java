package org.blackstart.app.alert.processing;

import java.time.Instant;
import java.util.Map;
import org.blackstart.app.alert.rule.AlertRule;

/** A {@code bs_alert_group} row while a cycle works on it, with what happened to it in this cycle. */
final class GroupState {

    Long id;
    final AlertRule rule;
    final String groupKey;
    final Instant openedAt;
    final Instant windowEndsAt;
    int alertCount;
    int firingCount;
    String incidentKey;
    boolean resolvedTold;
    Instant closedAt;
    /** Whether the group's incident is still open; a closed incident takes no more alerts. */
    final boolean incidentOpen;
    /** Whether the group's incident is resolved and watched: alerts firing again in the group reopen it. */
    boolean incidentMonitoring;

    int joinedNow;
    int resolvedNow;
    int acknowledgedNow;
    boolean openedNow;
    boolean changed;
    /** The alert that joined last, for the incident's title. */
    InboxRow latest;
    Map<String, String> latestLabels = Map.of();

    GroupState(Long id, AlertRule rule, String groupKey, Instant openedAt, Instant windowEndsAt, int alertCount,
               int firingCount, String incidentKey, boolean resolvedTold, Instant closedAt, boolean incidentOpen) {
        this.id = id;
        this.rule = rule;
        this.groupKey = groupKey;
        this.openedAt = openedAt;
        this.windowEndsAt = windowEndsAt;
        this.alertCount = alertCount;
        this.firingCount = firingCount;
        this.incidentKey = incidentKey;
        this.resolvedTold = resolvedTold;
        this.closedAt = closedAt;
        this.incidentOpen = incidentOpen;
    }

    static GroupState open(AlertRule rule, String groupKey, Instant at) {
        GroupState group = new GroupState(null, rule, groupKey, at, at.plus(rule.window()), 0, 0, null, false, null, false);
        group.changed = true;
        return group;
    }

    /**
     * Whether an alert received at {@code at} joins this group: while the group's incident is open,
     * or, before it has one, within the window from its first alert.
     */
    boolean takes(Instant at) {
        if (closedAt != null) {
            return false;
        }
        return incidentKey != null ? incidentOpen : at.isBefore(windowEndsAt);
    }

    void join(InboxRow row) {
        alertCount++;
        firingCount++;
        joinedNow++;
        latest = row;
        latestLabels = row.labels();
        changed = true;
    }

    void resolved() {
        firingCount--;
        resolvedNow++;
        changed = true;
    }

    void acknowledged() {
        acknowledgedNow++;
    }

    void close(Instant at) {
        closedAt = at;
        changed = true;
    }

    boolean isNew() {
        return id == null;
    }
}
