package org.blackstart.app.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.blackstart.app.statuspage.IncidentComponents;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commander changes an open incident's severity, services or impact after triage. The incident's
 * process gets the new values, so every notice drafted from now on (its audience: the customers of
 * the services) follows them; the record, the status page and the timer of the next customer update
 * follow at once, in one transaction.
 */
@Service
class Retriage {

    private static final Logger LOG = LoggerFactory.getLogger(Retriage.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final OpenIncidents open;
    private final IncidentRepository incidents;
    private final KnownServices knownServices;
    private final RuntimeService runtime;
    private final NextUpdateTimer nextUpdate;
    private final IncidentComponents statusPage;
    private final Timeline timeline;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    Retriage(OpenIncidents open, IncidentRepository incidents, KnownServices knownServices, RuntimeService runtime,
             NextUpdateTimer nextUpdate, IncidentComponents statusPage, Timeline timeline, TransactionTemplate transactions,
             ApplicationEventPublisher events) {
        this.open = open;
        this.incidents = incidents;
        this.knownServices = knownServices;
        this.runtime = runtime;
        this.nextUpdate = nextUpdate;
        this.statusPage = statusPage;
        this.timeline = timeline;
        this.transactions = transactions;
        this.events = events;
    }

    IncidentRecord retriage(String key, RetriageRequest request, String actor) {
        if (request.severity() == null && request.affectedServices() == null && request.customerImpact() == null) {
            throw IncidentProblem.invalid("nothing to change: give severity, affectedServices or customerImpact");
        }
        IncidentRecord after;
        try {
            after = transactions.execute(tx -> apply(key, request, actor));
        } catch (OptimisticLockingException changedMeanwhile) {
            // A step of the incident (its update timer firing, a task completed) changed the same rows at
            // the same moment; the engine rolled this change back whole.
            throw IncidentProblem.conflict("incident " + key + " changed while it was being re-triaged; nothing was "
                    + "changed, try again");
        }
        // After the commit, so that whoever follows the severity reads it as it now is.
        events.publishEvent(new IncidentRetriaged(key, after.severity()));
        return after;
    }

    private IncidentRecord apply(String key, RetriageRequest request, String actor) {
        IncidentRecord incident = open.lock(key, "re-triage");
        if ("declared".equals(incident.status())) {
            // The Triage task's form still holds what it was opened with; completing it would undo a re-triage.
            throw IncidentProblem.conflict("incident " + key + " is not triaged yet: complete its Triage task first");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();

        String severity = request.severity() == null ? null : request.severity().name();
        if (severity != null && !severity.equals(incident.severity())) {
            variables.put("severity", severity);
            changes.add("severity " + (incident.severity() == null ? "none" : incident.severity()) + " → " + severity);
        }
        Set<String> before = KnownServices.split(incident.affectedServices());
        Set<String> services = request.affectedServices() == null ? null : knownServices.parse(request.affectedServices());
        if (services != null && !services.equals(before)) {
            variables.put("affectedServices", String.join(", ", services));
            changes.add("services" + difference(before, services));
        }
        String impact = request.customerImpact() == null ? null : request.customerImpact().strip();
        if (impact != null && impact.isEmpty()) {
            throw IncidentProblem.invalid("customerImpact must not be blank; say what customers notice");
        }
        if (impact != null && !impact.equals(incident.customerImpact())) {
            variables.put("customerImpact", impact);
            changes.add("impact changed");
        }
        if (variables.isEmpty()) {
            throw IncidentProblem.invalid("nothing to change: incident " + key + " already has these values");
        }

        runtime.setVariables(incident.processInstanceId(), variables);
        incidents.update(key, (String) variables.get("severity"), (String) variables.get("affectedServices"),
                (String) variables.get("customerImpact"), null);
        String newSeverity = Objects.requireNonNullElse(severity, incident.severity());
        Set<String> newServices = services == null ? before : services;
        if (variables.containsKey("severity") || variables.containsKey("affectedServices")) {
            if (statusPage.retriaged(key, newSeverity, newServices)) {
                changes.add("status page follows");
            }
        }
        if (variables.containsKey("severity")) {
            Optional<Instant> due = nextUpdate.follow(incident.processInstanceId(), newSeverity);
            due.ifPresent(at -> changes.add("next customer update due " + TIME.format(at)));
        }
        String detail = String.join("; ", changes);
        timeline.add(key, TimelineKind.TRIAGE, actor, detail);
        LOG.info("BLACKSTART-APP-030 {} re-triaged {}: {}", actor, key, detail);
        return incidents.find(key).orElseThrow();
    }

    private static String difference(Set<String> before, Set<String> after) {
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        StringBuilder text = new StringBuilder();
        if (!added.isEmpty()) {
            text.append(" + ").append(String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            text.append(" − ").append(String.join(", ", removed));
        }
        return text.toString();
    }
}
