package org.blackstart.app.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blackstart.app.actions.ActionItems;
import org.blackstart.app.alert.api.AlertQueries;
import org.blackstart.app.alert.api.AlertView;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.keytimes.KeyTimes;
import org.blackstart.app.ledger.JdbcDeliveryLedger;
import org.blackstart.app.links.IncidentLinks;
import org.blackstart.app.runbook.RunbookReader;
import org.blackstart.app.search.Audience;
import org.blackstart.app.search.query.SeenBefore;
import org.blackstart.app.statuspage.ComponentState;
import org.blackstart.app.statuspage.StatusPageProperties;
import org.blackstart.app.statuspage.StatusStore;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.app.vendor.cases.VendorCaseStore;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one incident for its commander from Blackstart's own tables only (the timeline, the delivery
 * ledger, alerts, vendor cases, the status page), never from the engine's history: a closed incident
 * reads the same as an open one, and a read that the incident tab repeats every few seconds costs a
 * handful of indexed queries. Only an incident still waiting for Triage asks the engine who claimed it, and a
 * runbook still running which of its steps are open.
 */
@Component
public class IncidentDetailsReader {

    static final int ALERTS = 100;
    static final int PAGES = 200;
    /** Pages are steps of the paging process: level, round, call attempt. */
    // A later page (page more people) prefixes its steps with "more-<its paging's id>-", so the ledger sends it too.
    private static final Pattern PAGE_STEP = Pattern.compile("(?:more-.+-)?L\\d+-R\\d+-A\\d+");
    /** The paging process's line for an answered page; see paging.bpmn. */
    private static final Pattern ACKNOWLEDGED = Pattern.compile("Acknowledged by (\\S+) via (\\S+?)(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("status (\\S+)");
    private static final String TRIAGE = "Triage";

    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final JdbcDeliveryLedger deliveries;
    private final VendorCaseStore vendorCases;
    private final AlertQueries alerts;
    private final StatusStore statusStore;
    private final StatusPageProperties statusPage;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final KeyTimes keyTimes;
    private final IncidentLinks links;
    private final PostmortemLinkReader postmortems;
    private final ActionItems actionItems;
    private final MonitoringReader monitoring;
    private final SeenBefore seenBefore;
    private final RunbookReader runbooks;

    IncidentDetailsReader(IncidentRepository incidents, Timeline timeline, JdbcDeliveryLedger deliveries,
                          VendorCaseStore vendorCases, AlertQueries alerts, StatusStore statusStore,
                          StatusPageProperties statusPage, TaskService tasks, JdbcTemplate jdbc, KeyTimes keyTimes,
                          IncidentLinks links, PostmortemLinkReader postmortems,
                          ActionItems actionItems, MonitoringReader monitoring, SeenBefore seenBefore,
                          RunbookReader runbooks) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.deliveries = deliveries;
        this.vendorCases = vendorCases;
        this.alerts = alerts;
        this.statusStore = statusStore;
        this.statusPage = statusPage;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.keyTimes = keyTimes;
        this.links = links;
        this.postmortems = postmortems;
        this.actionItems = actionItems;
        this.monitoring = monitoring;
        this.seenBefore = seenBefore;
        this.runbooks = runbooks;
    }

    /**
     * @param withDeliveries whether to list every delivery, one per recipient
     * @throws IncidentNotFoundException when there is no such incident
     */
    public IncidentDetails read(String key, boolean withDeliveries) {
        return read(key, withDeliveries, Audience.COMMANDERS);
    }

    /**
     * The incident as {@code reader} may read it: a commanders-only note is left out of the timeline for everyone
     * but commanders and admins.
     */
    public IncidentDetails read(String key, boolean withDeliveries, Audience reader) {
        IncidentRecord incident = incidents.find(key).orElseThrow(() -> new IncidentNotFoundException(key));
        List<TimelineEntry> lines = timeline.of(key).stream()
                .filter(line -> reader == Audience.COMMANDERS || !line.commandersOnly()).toList();
        return new IncidentDetails(incident, commander(incident, lines), times(incident, lines), lines,
                withDeliveries ? deliveries.of(key) : null, notices(key), pages(key), acknowledgements(lines),
                vendorCases.ofIncident(key), alerts.find(null, null, key, ALERTS), alertCount(key), statusPage(key),
                keyTimes.inForce(key), keyTimes.history(key), links.of(key), postmortems.read(key),
                actionItems.ofIncident(key), monitoring.of(incident), seenBefore.recent(incident),
                runbooks.ofIncident(key));
    }

    private String commander(IncidentRecord incident, List<TimelineEntry> lines) {
        for (TimelineEntry line : lines) {
            if (line.kind() == TimelineKind.STATUS_CHANGED && TRIAGE.equals(line.step())) {
                return line.actor();
            }
        }
        if (!"declared".equals(incident.status())) {
            return null;
        }
        return tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).taskDefinitionKey(TRIAGE).list()
                .stream().map(Task::getAssignee).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static IncidentDetails.KeyTimes times(IncidentRecord incident, List<TimelineEntry> lines) {
        Map<String, Instant> reached = new LinkedHashMap<>();
        for (TimelineEntry line : lines) {
            if (line.kind() == TimelineKind.STATUS_CHANGED && line.detail() != null) {
                Matcher status = STATUS.matcher(line.detail());
                if (status.matches()) {
                    reached.putIfAbsent(status.group(1), line.at());
                }
            }
        }
        Instant closed = incident.closedAt() != null ? incident.closedAt() : reached.get("closed");
        return new IncidentDetails.KeyTimes(incident.declaredAt(), reached.get("triaged"), reached.get("mitigated"),
                reached.getOrDefault("monitoring", reached.get("resolved")), closed);
    }

    /** Counted in the database: a notice to every customer must not come back as one row per customer. */
    private List<IncidentDetails.NoticeCount> notices(String key) {
        Map<List<String>, Counts> counts = new LinkedHashMap<>();
        jdbc.query("SELECT d.step, d.channel, r.language, d.state, COUNT(*) AS n, MIN(d.sent_at) AS first_sent, "
                + "MAX(d.sent_at) AS last_sent FROM bs_delivery d LEFT JOIN bs_notice_recipient r ON r.incident_key = d.incident_key "
                + "AND r.step = d.step AND r.channel = d.channel AND r.address = d.recipient WHERE d.incident_key = ? "
                + "AND d.channel NOT LIKE 'vendor-case:%' AND d.channel NOT LIKE 'action-ticket:%' "
                + "GROUP BY d.step, d.channel, r.language, d.state", rs -> {
                    String step = rs.getString("step");
                    if (PAGE_STEP.matcher(step).matches()) {
                        return;
                    }
                    Counts c = counts.computeIfAbsent(List.of(step, rs.getString("channel"),
                            Objects.requireNonNullElse(rs.getString("language"), "")), k -> new Counts());
                    c.add(rs.getString("state"), rs.getInt("n"), instant(rs.getTimestamp("first_sent")),
                            instant(rs.getTimestamp("last_sent")));
                }, key);
        List<IncidentDetails.NoticeCount> notices = new ArrayList<>();
        counts.forEach((k, c) -> notices.add(new IncidentDetails.NoticeCount(k.get(0), k.get(1),
                k.get(2).isEmpty() ? null : k.get(2), c.sent, c.refused, c.pending, c.first, c.last)));
        notices.sort(java.util.Comparator.comparing(IncidentDetails.NoticeCount::firstSentAt,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(IncidentDetails.NoticeCount::step).thenComparing(IncidentDetails.NoticeCount::channel)
                .thenComparing(n -> Objects.requireNonNullElse(n.language(), "")));
        return notices;
    }

    private List<IncidentDetails.Page> pages(String key) {
        return jdbc.query("SELECT step, channel, recipient, state, sent_at FROM bs_delivery WHERE incident_key = ? "
                        + "AND (step LIKE 'L%-R%-A%' OR step LIKE 'more-%-L%-R%-A%') "
                        + "ORDER BY sent_at, step, channel FETCH FIRST " + PAGES + " ROWS ONLY",
                (rs, n) -> new IncidentDetails.Page(rs.getString("step"), rs.getString("channel"), rs.getString("recipient"),
                        rs.getString("state"), instant(rs.getTimestamp("sent_at"))), key)
                .stream().filter(page -> PAGE_STEP.matcher(page.step()).matches()).toList();
    }

    private static List<IncidentDetails.Acknowledgement> acknowledgements(List<TimelineEntry> lines) {
        List<IncidentDetails.Acknowledgement> answered = new ArrayList<>();
        for (TimelineEntry line : lines) {
            if (line.kind() == TimelineKind.PAGING && line.detail() != null) {
                Matcher ack = ACKNOWLEDGED.matcher(line.detail());
                if (ack.matches()) {
                    answered.add(new IncidentDetails.Acknowledgement(line.at(), ack.group(1), ack.group(2), ack.group(3)));
                }
            }
        }
        return answered;
    }

    private long alertCount(String key) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert WHERE incident_key = ?", Long.class, key);
        return count == null ? 0 : count;
    }

    private IncidentDetails.StatusPage statusPage(String key) {
        return statusStore.incident(key).map(shown -> {
            // the commander's choice for a component, else the incident's impact; nothing once resolved
            Function<String, IncidentDetails.Component> component = id -> {
                ComponentState state = shown.active() ? shown.impactOn(id) : ComponentState.OPERATIONAL;
                return new IncidentDetails.Component(id, statusPage.componentName(id), state.code(), state.label());
            };
            return new IncidentDetails.StatusPage(shown.phase(), shown.components().stream().map(component).toList(),
                    shown.updatedAt(), shown.resolvedAt());
        }).orElse(null);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** Recipients of one notice on one channel in one language, by ledger state. */
    private static final class Counts {
        int sent;
        int refused;
        int pending;
        Instant first;
        Instant last;

        void add(String state, int n, Instant firstSent, Instant lastSent) {
            switch (state) {
                case "SENT" -> sent += n;
                case "REFUSED" -> refused += n;
                default -> pending += n;
            }
            if (firstSent != null && (first == null || firstSent.isBefore(first))) {
                first = firstSent;
            }
            if (lastSent != null && (last == null || lastSent.isAfter(last))) {
                last = lastSent;
            }
        }
    }
}
