package org.blackstart.app.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What the pages show, as plain maps and lists for the templates and the JSON summary. */
@Component
class StatusPageModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final Map<String, String> PHASES = Map.ofEntries(
            Map.entry("investigating", "Investigating"), Map.entry("identified", "Identified"),
            Map.entry("monitoring", "Monitoring"), Map.entry("resolved", "Resolved"), Map.entry("reopened", "Reopened"),
            Map.entry("postmortem", "Postmortem"), Map.entry("maintenance-scheduled", "Scheduled"),
            Map.entry("maintenance-reminder", "Reminder"), Map.entry("maintenance-started", "In progress"),
            Map.entry("maintenance-updated", "Updated"), Map.entry("maintenance-cancelled", "Cancelled"),
            Map.entry("maintenance-completed", "Completed"));
    private static final Map<String, String> MAINTENANCE_STATES = Map.of("scheduled", "Scheduled",
            "in-progress", "In progress", "completed", "Completed", "cancelled", "Cancelled");

    private final StatusStore store;
    private final StatusPageProperties properties;
    private final Clock clock;
    private final PublicReports reports;

    StatusPageModel(StatusStore store, StatusPageProperties properties, Clock clock, PublicReports reports) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.reports = reports;
    }

    /** Everything the pages need at one instant, read once. */
    record Snapshot(Instant now, List<StatusStore.Incident> incidents, List<StatusStore.Maintenance> maintenance,
                    Set<String> reported) {

        List<StatusStore.Incident> active() {
            return incidents.stream().filter(StatusStore.Incident::active).toList();
        }
    }

    Snapshot snapshot() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(properties.historyDays()));
        List<StatusStore.Incident> incidents = store.incidentsSince(since);
        return new Snapshot(now, incidents, store.maintenanceSince(since),
                reports.publishedAmong(incidents.stream().map(StatusStore.Incident::key).toList()));
    }

    ComponentState state(Snapshot snapshot, String componentId) {
        ComponentState state = ComponentState.OPERATIONAL;
        for (StatusStore.Incident incident : snapshot.active()) {
            if (incident.components().contains(componentId)) {
                state = state.worse(incident.nowOn(componentId));
            }
        }
        for (StatusStore.Maintenance window : snapshot.maintenance()) {
            if (window.inProgress() && window.components().contains(componentId)) {
                state = state.worse(ComponentState.UNDER_MAINTENANCE);
            }
        }
        return state;
    }

    ComponentState overall(Snapshot snapshot) {
        ComponentState overall = ComponentState.OPERATIONAL;
        for (StatusPageProperties.StatusComponent component : properties.components()) {
            overall = overall.worse(state(snapshot, component.id()));
        }
        for (StatusStore.Incident incident : snapshot.active()) {
            overall = overall.worse(incident.worstNow());
        }
        return overall;
    }

    Map<String, Object> index(Snapshot snapshot, Links links) {
        Map<String, Object> page = page(snapshot, links, properties.title());
        LocalDate today = snapshot.now().atZone(ZoneOffset.UTC).toLocalDate();
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (StatusPageProperties.StatusComponent component : properties.components()) {
            ComponentState state = state(snapshot, component.id());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", component.id());
            c.put("name", component.name());
            c.put("description", component.description());
            c.put("state", state.code());
            c.put("stateLabel", state.label());
            c.put("bars", HistoryBars.of(component.id(), today, properties.historyDays(), snapshot.incidents(),
                    snapshot.maintenance()));
            groups.computeIfAbsent(component.group() == null ? "" : component.group(), g -> new ArrayList<>()).add(c);
        }
        page.put("groups", groups.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "named", !e.getKey().isEmpty(), "components", e.getValue())).toList());
        page.put("historyDays", properties.historyDays());
        page.put("activeIncidents", snapshot.active().stream().map(i -> incident(i, links, false)).toList());
        page.put("maintenance", snapshot.maintenance().stream().filter(m -> m.upcoming() || m.inProgress())
                .map(m -> maintenance(m, links)).toList());
        page.put("subscribe", Map.of("action", links.subscribe(), "components", properties.components()));
        return page;
    }

    Optional<Map<String, Object>> event(Snapshot snapshot, String key, Links links) {
        Optional<Map<String, Object>> incident = store.incident(key)
                .map(i -> incident(i, links, snapshot.reported().contains(key)
                        || !reports.publishedAmong(List.of(key)).isEmpty()));
        Optional<Map<String, Object>> event = incident.isPresent() ? incident : store.maintenance(key).map(m -> maintenance(m, links));
        return event.map(e -> {
            Map<String, Object> page = page(snapshot, links, e.get("title") + " · " + properties.title());
            page.put("event", e);
            return page;
        });
    }

    Map<String, Object> history(Snapshot snapshot, Links links) {
        Map<String, Object> page = page(snapshot, links, "History · " + properties.title());
        page.put("historyDays", properties.historyDays());
        page.put("incidents", snapshot.incidents().stream()
                .map(i -> incident(i, links, snapshot.reported().contains(i.key()))).toList());
        page.put("maintenance", snapshot.maintenance().stream().map(m -> maintenance(m, links)).toList());
        return page;
    }

    /**
     * The public report of a published postmortem: what customers are told happened and what will change, and
     * when the impact started and ended (the key times in force, else what the status page recorded).
     */
    Optional<Map<String, Object>> report(Snapshot snapshot, String key, Links links) {
        Optional<StatusStore.Incident> incident = store.incident(key);
        if (incident.isEmpty()) {
            return Optional.empty();
        }
        return reports.published(key).map(published -> {
            StatusStore.Incident i = incident.get();
            Instant started = published.impactStarted() != null ? published.impactStarted() : i.startedAt();
            Instant ended = published.impactEnded() != null ? published.impactEnded() : i.resolvedAt();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("key", key);
            report.put("title", i.title());
            report.put("components", names(i.components()));
            report.put("impactStarted", time(started));
            report.put("impactEnded", ended == null ? null : time(ended));
            report.put("duration", ended == null || ended.isBefore(started) ? null : duration(Duration.between(started, ended)));
            report.put("published", time(published.publishedAt()));
            report.put("summary", paragraphs(published.customerSummary()));
            report.put("changes", paragraphs(published.customerChanges()));
            report.put("changing", !paragraphs(published.customerChanges()).isEmpty());
            report.put("eventUrl", links.incident(key));
            Map<String, Object> page = page(snapshot, links, "Incident report: " + i.title() + " · " + properties.title());
            page.put("report", report);
            return page;
        });
    }

    /** The JSON summary, for scripts and other status aggregators. */
    Map<String, Object> summary(Snapshot snapshot) {
        ComponentState overall = overall(snapshot);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("page", Map.of("title", properties.title(), "url", properties.url("/status"),
                "generatedAt", snapshot.now().toString()));
        summary.put("status", Map.of("state", overall.code(), "description", banner(overall)));
        summary.put("components", properties.components().stream().map(c -> {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("id", c.id());
            component.put("name", c.name());
            component.put("group", c.group());
            component.put("state", state(snapshot, c.id()).code());
            return component;
        }).toList());
        summary.put("incidents", snapshot.active().stream().map(i -> {
            Map<String, Object> incident = new LinkedHashMap<>();
            incident.put("key", i.key());
            incident.put("title", i.title());
            incident.put("phase", i.phase());
            incident.put("impact", i.worstNow().code());
            incident.put("components", i.components());
            Map<String, String> componentStates = new LinkedHashMap<>();
            i.components().forEach(c -> componentStates.put(c, i.nowOn(c).code()));
            incident.put("componentStates", componentStates);
            incident.put("startedAt", i.startedAt().toString());
            incident.put("updatedAt", i.updatedAt().toString());
            incident.put("url", properties.url("/status/incidents/" + i.key()));
            incident.put("updates", store.updates(i.key()).stream().map(u -> Map.of("step", u.step(), "phase", u.phase(),
                    "body", u.body(), "postedAt", u.postedAt().toString())).toList());
            return incident;
        }).toList());
        summary.put("maintenance", snapshot.maintenance().stream().filter(m -> m.upcoming() || m.inProgress()).map(m -> {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("key", m.key());
            window.put("title", m.title());
            window.put("state", m.state());
            window.put("components", m.components());
            window.put("windowStart", m.windowStart().toString());
            window.put("windowEnd", m.windowEnd().toString());
            window.put("advice", m.advice());
            window.put("url", properties.url("/status/incidents/" + m.key()));
            return window;
        }).toList());
        return summary;
    }

    static String banner(ComponentState overall) {
        return switch (overall) {
            case OPERATIONAL -> "All systems operational";
            case RECOVERING -> "Recovering: a fix is being monitored";
            case UNDER_MAINTENANCE -> "Maintenance in progress";
            case DEGRADED_PERFORMANCE -> "Degraded performance";
            case PARTIAL_OUTAGE -> "Partial outage";
            case MAJOR_OUTAGE -> "Major outage";
        };
    }

    private Map<String, Object> page(Snapshot snapshot, Links links, String heading) {
        ComponentState overall = overall(snapshot);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("pageTitle", heading);
        page.put("title", properties.title());
        page.put("links", links);
        page.put("overall", Map.of("state", overall.code(), "label", banner(overall)));
        page.put("generatedAt", time(snapshot.now()));
        return page;
    }

    private Map<String, Object> incident(StatusStore.Incident incident, Links links, boolean reported) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("key", incident.key());
        i.put("title", incident.title());
        i.put("url", links.incident(incident.key()));
        i.put("phase", PHASES.getOrDefault(incident.phase(), incident.phase()));
        i.put("impact", incident.active() ? incident.worstNow().code() : incident.worstImpact().code());
        i.put("impactLabel", incident.active() ? incident.worstNow().label() : "Resolved");
        i.put("components", incident.active() && !incident.componentStates().isEmpty()
                ? incident.components().stream().map(c -> name(c) + " (" + incident.nowOn(c).label() + ")")
                        .collect(Collectors.joining(", "))
                : names(incident.components()));
        i.put("started", time(incident.startedAt()));
        i.put("resolved", incident.resolvedAt() == null ? null : time(incident.resolvedAt()));
        i.put("updates", updates(incident.key()));
        i.put("report", reported ? links.report(incident.key()) : null);
        return i;
    }

    private Map<String, Object> maintenance(StatusStore.Maintenance window, Links links) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", window.key());
        m.put("title", window.title());
        m.put("url", links.incident(window.key()));
        m.put("maintenance", true);
        m.put("state", window.state());
        m.put("stateLabel", MAINTENANCE_STATES.getOrDefault(window.state(), window.state()));
        m.put("inProgress", window.inProgress());
        m.put("components", names(window.components()));
        m.put("window", window(window.windowStart(), window.windowEnd()));
        m.put("advice", window.advice());
        m.put("updates", updates(window.key()));
        return m;
    }

    private List<Map<String, Object>> updates(String key) {
        return store.updates(key).stream().map(u -> {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("phase", PHASES.getOrDefault(u.phase(), u.phase()));
            update.put("posted", time(u.postedAt()));
            update.put("paragraphs", u.body().lines().filter(l -> !l.isBlank()).toList());
            return update;
        }).toList();
    }

    private static List<String> paragraphs(String text) {
        return text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    /** "8 h 15 min", "45 min", "2 d 3 h": what a reader grasps at a glance. */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + " d");
        }
        if (hours > 0) {
            parts.add(hours + " h");
        }
        if (rest > 0 || parts.isEmpty()) {
            parts.add(rest + " min");
        }
        return String.join(" ", parts);
    }

    private String names(List<String> ids) {
        return ids.stream().map(this::name).collect(Collectors.joining(", "));
    }

    private String name(String id) {
        return properties.componentName(id);
    }

    static String time(Instant instant) {
        return TIME.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    static String window(OffsetDateTime start, OffsetDateTime end) {
        String offset = start.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + start.getOffset().getId();
        return TIME.format(start) + " – " + TIME.format(end.withOffsetSameInstant(start.getOffset())) + " " + offset;
    }
}
