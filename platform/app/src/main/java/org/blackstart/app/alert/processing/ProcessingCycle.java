package org.blackstart.app.alert.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blackstart.app.alert.rule.AlertRule;
import org.blackstart.app.alert.rule.AlertRules;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.AlertStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One processing cycle, run by {@link AlertProcessor} inside one transaction: under the node lock,
 * it deduplicates and groups a batch of inbox rows in memory, opens the incidents whose groups
 * reached their threshold, tells incidents what happened to their alerts, and writes everything
 * back in a few batch statements.
 */
@Component
class ProcessingCycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessingCycle.class);
    static final String ACTOR = "alerts";

    private final InboxStore inbox;
    private final AlertStore alerts;
    private final AlertGroupStore groups;
    private final AlertRules rules;
    private final IncidentOpener opener;
    private final AlertMessages messages;
    private final Timeline timeline;
    private final ObjectMapper json;
    private final Clock clock;

    ProcessingCycle(InboxStore inbox, AlertStore alerts, AlertGroupStore groups, AlertRules rules, IncidentOpener opener,
                    AlertMessages messages, Timeline timeline, ObjectMapper json, Clock clock) {
        this.inbox = inbox;
        this.alerts = alerts;
        this.groups = groups;
        this.rules = rules;
        this.opener = opener;
        this.messages = messages;
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Must run in a transaction. Rows another node processed meanwhile are skipped.
     *
     * @param ids inbox rows to process, in id order
     * @return the rows processed
     */
    int run(List<Long> ids) {
        inbox.lock();
        List<InboxRow> rows = inbox.read(ids);
        if (rows.isEmpty()) {
            return 0;
        }
        Batch batch = new Batch();
        batch.load(rows);
        for (InboxRow row : rows) {
            batch.apply(row);
        }
        batch.write(clock.instant());
        inbox.markProcessed(rows, clock.instant());
        return rows.size();
    }

    /** Forgets an earlier failure of a row that has now been processed alone. */
    void succeededAlone(long inboxId) {
        inbox.forgetFailure(inboxId);
    }

    /** What one cycle knows: the open alerts and groups its rows touch, keyed as rows look them up. */
    private final class Batch {
        private final Map<String, AlertState> open = new HashMap<>();
        private final Map<Long, GroupState> groupsById = new HashMap<>();
        /** The group that currently takes new alerts, by rule name and group key. */
        private final Map<String, GroupState> current = new HashMap<>();
        private final Set<GroupState> touched = new LinkedHashSet<>();
        private final List<GroupState> created = new ArrayList<>();
        private final List<AlertState> changed = new ArrayList<>();
        private final Set<AlertState> changedSet = new HashSet<>();
        private final List<AlertState> opened = new ArrayList<>();
        private final Map<String, String> groupKeys = new HashMap<>();
        /** Acknowledged alerts, for PageAcknowledged once their incident is known. */
        private final List<AlertState> acknowledged = new ArrayList<>();

        void load(List<InboxRow> rows) {
            List<String> openKeys = rows.stream().map(InboxRow::openKey).distinct().toList();
            open.putAll(alerts.findOpen(openKeys, ids -> {
                groups.findByIds(ids, group -> groupsById.put(group.id, group));
                return groupsById;
            }));
            Set<String> keys = new LinkedHashSet<>();
            for (InboxRow row : rows) {
                if (row.status() == AlertStatus.FIRING && !open.containsKey(row.openKey())) {
                    keys.add(groupKeyOf(rules.ruleFor(row.source(), row.labels()), row));
                }
            }
            groups.findOpen(keys, group -> {
                GroupState known = groupsById.putIfAbsent(group.id, group);
                GroupState loaded = known != null ? known : group;
                current.put(loaded.rule.name() + "\n" + loaded.groupKey, loaded);
            });
        }

        void apply(InboxRow row) {
            AlertState alert = open.get(row.openKey());
            switch (row.status()) {
                case FIRING -> {
                    if (alert != null) {
                        alert.seen(row);
                        changed(alert);
                    } else {
                        AlertRule rule = rules.ruleFor(row.source(), row.labels());
                        GroupState group = groupFor(rule, groupKeyOf(rule, row), row.receivedAt());
                        group.join(row);
                        touched.add(group);
                        AlertState created = AlertState.opened(row, group);
                        opened.add(created);
                        open.put(row.openKey(), created);
                    }
                }
                case ACKNOWLEDGED -> {
                    if (alert == null) {
                        log.debug("acknowledgement for {} from {} with no open alert; nothing to do", row.dedupKey(), row.source());
                        return;
                    }
                    alert.seen(row);
                    if (alert.status == AlertStatus.FIRING) {
                        alert.status = AlertStatus.ACKNOWLEDGED;
                        alert.acknowledgedAt = row.receivedAt();
                        alert.group.acknowledged();
                        touched.add(alert.group);
                        acknowledged.add(alert);
                    }
                    changed(alert);
                }
                case RESOLVED -> {
                    if (alert == null) {
                        log.debug("resolution for {} from {} with no open alert; nothing to do", row.dedupKey(), row.source());
                        return;
                    }
                    alert.seen(row);
                    alert.status = AlertStatus.RESOLVED;
                    alert.resolvedAt = row.receivedAt();
                    alert.group.resolved();
                    touched.add(alert.group);
                    open.remove(row.openKey());
                    changed(alert);
                }
            }
        }

        private void changed(AlertState alert) {
            if (!alert.isNew() && changedSet.add(alert)) {
                changed.add(alert);
            }
        }

        private GroupState groupFor(AlertRule rule, String groupKey, Instant at) {
            String key = rule.name() + "\n" + groupKey;
            GroupState group = current.get(key);
            if (group != null && group.takes(at)) {
                return group;
            }
            if (group != null) {
                group.close(at);
                touched.add(group);
            }
            GroupState fresh = GroupState.open(rule, groupKey, at);
            created.add(fresh);
            current.put(key, fresh);
            return fresh;
        }

        private String groupKeyOf(AlertRule rule, InboxRow row) {
            List<String> values = rule.groupValues(row.labels());
            String cacheKey = rule.name() + "\n" + String.join("\n", values);
            return groupKeys.computeIfAbsent(cacheKey, k -> {
                try {
                    return json.writeValueAsString(values);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("group values of inbox row " + row.id() + " cannot be written", e);
                }
            });
        }

        void write(Instant now) {
            for (GroupState group : created) {
                groups.insert(group);
            }
            // Resolved alerts give up their open key before a new alert with the same key is inserted.
            alerts.update(changed);

            // Incidents open before the new alerts are inserted, so that those carry their incident
            // key from the start; only alerts stored in earlier cycles need it set afterwards.
            Map<GroupState, String> openedIncidents = new LinkedHashMap<>();
            Set<GroupState> createdNow = new HashSet<>(created);
            for (GroupState group : touched) {
                if (group.incidentKey == null && group.closedAt == null && group.latest != null
                        && group.firingCount >= group.rule.minAlerts()) {
                    String description = group.rule.describeGroup(group.rule.groupValues(group.latestLabels));
                    group.incidentKey = opener.open(group, description);
                    group.openedNow = true;
                    group.changed = true;
                    if (!createdNow.contains(group)) {
                        alerts.assignIncident(group.id, group.incidentKey);
                    }
                    openedIncidents.put(group, description);
                    timeline.record(group.incidentKey, TimelineKind.ALERTS, null, null, ACTOR,
                            "opened by rule " + group.rule.name() + ": " + alertCount(group.firingCount)
                                    + (description.isEmpty() ? "" : " in " + description));
                }
            }
            for (AlertState alert : opened) {
                if (alert.incidentKey == null && alert.group.incidentKey != null) {
                    alert.incidentKey = alert.group.incidentKey;
                }
            }
            alerts.insert(opened);
            for (GroupState group : touched) {
                if (group.incidentKey == null || group.openedNow || !group.incidentOpen) {
                    continue;
                }
                String detail = changesOf(group);
                if (!detail.isEmpty()) {
                    timeline.record(group.incidentKey, TimelineKind.ALERTS, null, null, ACTOR, detail);
                }
                if (group.incidentMonitoring && group.joinedNow > 0) {
                    // The process writes the REOPENED line and the status; its message names the alerts.
                    int reopened = messages.firedAgain(group.incidentKey, group.joinedNow,
                            group.rule.describeGroup(group.rule.groupValues(group.latestLabels)));
                    group.incidentMonitoring = false;
                    log.info("BLACKSTART-APP-042 {} alerts fired again for monitoring incident {}: {}", group.joinedNow,
                            group.incidentKey, reopened > 0 ? "reopened" : "its process was not listening");
                }
                if (group.firingCount == 0 && !group.resolvedTold) {
                    int told = messages.allResolved(group.incidentKey, group.alertCount);
                    group.resolvedTold = true;
                    group.changed = true;
                    timeline.record(group.incidentKey, TimelineKind.ALERTS, null, null, ACTOR,
                            "all " + alertCount(group.alertCount) + " resolved; "
                                    + (told > 0 ? "the commander is told" : "nothing in the incident was waiting to hear it"));
                } else if (group.firingCount > 0 && group.resolvedTold) {
                    group.resolvedTold = false;
                    group.changed = true;
                }
            }
            Set<String> acknowledgedIncidents = new LinkedHashSet<>();
            for (AlertState alert : acknowledged) {
                String incident = alert.group.incidentKey;
                if (incident != null && acknowledgedIncidents.add(incident)) {
                    messages.acknowledged(incident, alert.source);
                }
            }
            groups.update(touched.stream().filter(g -> g.changed).toList());
            if (log.isDebugEnabled()) {
                log.debug("alert cycle: {} new alerts, {} updated, {} groups touched, incidents opened: {}", opened.size(),
                        changed.size(), touched.size(), openedIncidents.size());
            }
        }

        private String changesOf(GroupState group) {
            List<String> parts = new ArrayList<>();
            if (group.joinedNow > 0) {
                parts.add(group.joinedNow + " more " + (group.joinedNow == 1 ? "alert" : "alerts") + " joined");
            }
            if (group.acknowledgedNow > 0) {
                parts.add(group.acknowledgedNow + " acknowledged");
            }
            if (group.resolvedNow > 0) {
                parts.add(group.resolvedNow + " resolved");
            }
            return parts.isEmpty() ? "" : String.join(", ", parts) + "; " + group.firingCount + " firing";
        }
    }

    private static String alertCount(int count) {
        return count + (count == 1 ? " alert" : " alerts");
    }
}
