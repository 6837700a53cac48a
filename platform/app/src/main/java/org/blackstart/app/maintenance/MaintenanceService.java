package org.blackstart.app.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.blackstart.app.engine.Collisions;
import org.blackstart.app.statuspage.StatusChanged;
import org.blackstart.app.statuspage.StatusPageProperties;
import org.blackstart.app.statuspage.StatusStore;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled maintenance: the API's side. Each window is one {@code scheduled-maintenance} process
 * instance; a change or a cancel is a message to it, in the same transaction as the stored change.
 */
@Service
class MaintenanceService {

    static final String PROCESS = "scheduled-maintenance";
    private static final Duration DEFAULT_REMINDER = Duration.ofHours(24);
    private static final Duration LONGEST_REMINDER = Duration.ofDays(30);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MaintenanceStore store;
    private final MaintenanceKeys keys;
    private final StatusStore status;
    private final StatusPageProperties statusPage;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MaintenanceService(MaintenanceStore store, MaintenanceKeys keys, StatusStore status, StatusPageProperties statusPage,
                       RuntimeService runtime, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.status = status;
        this.statusPage = statusPage;
        this.runtime = runtime;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    Maintenance create(MaintenanceRequest request, String user) {
        Maintenance draft = validated(request, null, user, true);
        Maintenance created = transactions.execute(tx -> {
            Maintenance m = new Maintenance(keys.next(), draft.title(), draft.components(), draft.windowStart(),
                    draft.windowEnd(), draft.advice(), draft.reminderBefore(), "scheduled", 1, user);
            store.insert(m, clock.instant());
            status.saveUpdate(m.key(), "announce", "maintenance-scheduled", describe(m), clock.instant());
            Map<String, Object> variables = variables(m);
            variables.put("reminderStep", "reminder");
            runtime.startProcessInstanceByKey(PROCESS, m.key(), variables);
            return m;
        });
        events.publishEvent(new StatusChanged(created.key()));
        return created;
    }

    Maintenance update(String key, MaintenanceRequest request) {
        Maintenance current = open(key);
        Maintenance wanted = validated(request, current, current.createdBy(), "scheduled".equals(current.state()));
        if (sameAs(current, wanted)) {
            return current;
        }
        int revision = current.revision() + 1;
        Maintenance changed = new Maintenance(key, wanted.title(), wanted.components(), wanted.windowStart(),
                wanted.windowEnd(), wanted.advice(), wanted.reminderBefore(), current.state(), revision, current.createdBy());
        Collisions.retried(() -> transactions.executeWithoutResult(tx -> {
            store.update(changed, clock.instant());
            status.saveUpdate(key, "updated-" + revision, "maintenance-updated", "Changed: " + describe(changed), clock.instant());
            Map<String, Object> variables = variables(changed);
            variables.put("updateStep", "updated-" + revision);
            variables.put("reminderStep", "reminder-" + revision);
            correlate("MaintenanceUpdated", key, variables);
        }), () -> keptChanging(key));
        events.publishEvent(new StatusChanged(key));
        return store.find(key).orElseThrow();
    }

    Maintenance cancel(String key) {
        open(key);
        Collisions.retried(() -> transactions.executeWithoutResult(tx -> correlate("MaintenanceCancelled", key, Map.of())),
                () -> keptChanging(key));
        return store.find(key).orElseThrow();
    }

    Maintenance complete(String key) {
        Maintenance current = open(key);
        if (!"in-progress".equals(current.state())) {
            throw new MaintenanceProblem(HttpStatus.CONFLICT, key + " has not started; cancel it instead");
        }
        Collisions.retried(() -> transactions.executeWithoutResult(tx -> correlate("MaintenanceCompleted", key, Map.of())),
                () -> keptChanging(key));
        return store.find(key).orElseThrow();
    }

    Maintenance get(String key) {
        return store.find(key).orElseThrow(() -> new MaintenanceProblem(HttpStatus.NOT_FOUND, "no maintenance " + key));
    }

    List<Maintenance> list() {
        return store.list(500);
    }

    private Maintenance open(String key) {
        Maintenance current = get(key);
        if (!current.open()) {
            throw new MaintenanceProblem(HttpStatus.CONFLICT, key + " is " + current.state() + " and can no longer change");
        }
        return current;
    }

    private static MaintenanceProblem keptChanging(String key) {
        return new MaintenanceProblem(HttpStatus.CONFLICT, key + " kept changing while this was being done; nothing was "
                + "changed, try again");
    }

    private void correlate(String message, String key, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(key).setVariables(variables).correlate();
        } catch (MismatchingMessageCorrelationException busy) {
            throw new MaintenanceProblem(HttpStatus.CONFLICT, key + " cannot take this now: a notice about it is still "
                    + "being reviewed or sent; try again when it is out");
        }
    }

    private Maintenance validated(MaintenanceRequest request, Maintenance current, String user, boolean startMustBeAhead) {
        if (request == null) {
            throw MaintenanceProblem.invalid("request body is missing");
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw MaintenanceProblem.invalid("title must be 1 to 200 characters");
        }
        if (request.components() == null || request.components().isEmpty()) {
            throw MaintenanceProblem.invalid("components must name at least one status page component");
        }
        LinkedHashSet<String> components = new LinkedHashSet<>();
        for (String component : request.components()) {
            String id = component == null ? "" : component.strip();
            if (!statusPage.knows(id)) {
                throw MaintenanceProblem.invalid("components: unknown component '" + id + "'; known are "
                        + statusPage.components().stream().map(StatusPageProperties.StatusComponent::id).collect(Collectors.joining(", ")));
            }
            components.add(id);
        }
        OffsetDateTime start = time("windowStart", request.windowStart());
        OffsetDateTime end = time("windowEnd", request.windowEnd());
        if (!end.isAfter(start)) {
            throw MaintenanceProblem.invalid("windowEnd must be after windowStart");
        }
        Instant now = clock.instant();
        if (startMustBeAhead && !start.toInstant().isAfter(now)) {
            throw MaintenanceProblem.invalid("windowStart must be in the future");
        }
        if (!end.toInstant().isAfter(now)) {
            throw MaintenanceProblem.invalid("windowEnd must be in the future");
        }
        if (current != null && !"scheduled".equals(current.state()) && !start.isEqual(current.windowStart())) {
            throw MaintenanceProblem.invalid("windowStart cannot move: the window has begun");
        }
        String advice = request.advice() == null || request.advice().isBlank() ? null : request.advice().strip();
        if (advice != null && advice.length() > 2000) {
            throw MaintenanceProblem.invalid("advice must be at most 2000 characters");
        }
        Duration reminder = DEFAULT_REMINDER;
        if (request.reminderBefore() != null && !request.reminderBefore().isBlank()) {
            try {
                reminder = Duration.parse(request.reminderBefore().strip());
            } catch (DateTimeParseException e) {
                throw MaintenanceProblem.invalid("reminderBefore must be an ISO-8601 duration such as PT24H, was '"
                        + request.reminderBefore() + "'");
            }
            if (reminder.isNegative() || reminder.isZero() || reminder.compareTo(LONGEST_REMINDER) > 0) {
                throw MaintenanceProblem.invalid("reminderBefore must be more than zero and at most P30D");
            }
        }
        return new Maintenance(null, title, List.copyOf(components), start, end, advice, reminder, "scheduled", 1, user);
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw MaintenanceProblem.invalid(field + " is required, ISO-8601 with an offset, e.g. 2026-05-01T22:00:00+02:00");
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw MaintenanceProblem.invalid(field + " must be ISO-8601 with an offset, e.g. 2026-05-01T22:00:00+02:00, was '"
                    + value + "'");
        }
    }

    private static boolean sameAs(Maintenance a, Maintenance b) {
        return a.title().equals(b.title()) && a.components().equals(b.components())
                && a.windowStart().isEqual(b.windowStart()) && a.windowEnd().isEqual(b.windowEnd())
                && a.windowStart().getOffset().equals(b.windowStart().getOffset())
                && Objects.equals(a.advice(), b.advice()) && a.reminderBefore().equals(b.reminderBefore());
    }

    private static Map<String, Object> variables(Maintenance m) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", m.title());
        variables.put("affectedServices", String.join(",", m.components()));
        variables.put("advice", m.advice() == null ? "" : m.advice());
        variables.put("windowStart", m.windowStart().toString());
        variables.put("windowEnd", m.windowEnd().toString());
        variables.put("startsAt", Date.from(m.windowStart().toInstant()));
        variables.put("endsAt", Date.from(m.windowEnd().toInstant()));
        variables.put("reminderAt", Date.from(m.windowStart().toInstant().minus(m.reminderBefore())));
        return variables;
    }

    /** The status page's own words for the window, until an agent's approved notice replaces them. */
    static String describe(Maintenance m) {
        String offset = m.windowStart().getOffset().getId().equals("Z") ? "UTC" : "UTC" + m.windowStart().getOffset().getId();
        return "Scheduled maintenance: " + m.title() + ", " + TIME.format(m.windowStart()) + " – "
                + TIME.format(m.windowEnd().withOffsetSameInstant(m.windowStart().getOffset())) + " " + offset + "."
                + (m.advice() == null ? "" : "\n" + m.advice());
    }
}
