package org.blackstart.app.statuspage;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.blackstart.app.incident.IncidentProblem;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.OpenIncidents;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/incidents/{key}/components/{component}}: the commander says how badly one affected
 * component is hit, instead of the state its severity gives every component (a rack that took a
 * quarter of the installation down is a partial outage, even in a SEV1).
 */
@RestController
class ComponentStateController {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentStateController.class);
    private static final Set<ComponentState> CHOICES = Set.of(ComponentState.DEGRADED_PERFORMANCE,
            ComponentState.PARTIAL_OUTAGE, ComponentState.MAJOR_OUTAGE);
    private static final String CODES = "degraded-performance, partial-outage, major-outage";

    private final OpenIncidents incidents;
    private final IncidentComponents components;
    private final StatusPageProperties statusPage;
    private final Timeline timeline;
    private final TransactionTemplate transactions;

    ComponentStateController(OpenIncidents incidents, IncidentComponents components, StatusPageProperties statusPage,
                             Timeline timeline, TransactionTemplate transactions) {
        this.incidents = incidents;
        this.components = components;
        this.statusPage = statusPage;
        this.timeline = timeline;
        this.transactions = transactions;
    }

    record StateRequest(String state) {
    }

    @PutMapping("/api/incidents/{key}/components/{component}")
    Map<String, Object> choose(@PathVariable String key, @PathVariable String component, @RequestBody StateRequest request,
                               Principal user) {
        ComponentState state = parse(request.state());
        String id = component.strip().toLowerCase(Locale.ROOT);
        ComponentState previous = transactions.execute(tx -> {
            IncidentRecord incident = incidents.lock(key, "setting a component's state");
            Set<String> affected = services(incident.affectedServices());
            if (!affected.contains(id)) {
                throw IncidentProblem.invalid("incident " + key + " does not affect '" + id + "'; it affects "
                        + (affected.isEmpty() ? "no service yet" : String.join(", ", affected)));
            }
            if (!statusPage.knows(id)) {
                throw IncidentProblem.invalid("'" + id + "' is not a component of the status page");
            }
            ComponentState before = components.current(key, id, incident.severity());
            components.choose(key, id, state, user.getName());
            if (before != state) {
                timeline.add(key, TimelineKind.TRIAGE, user.getName(), "status page: " + name(id) + " "
                        + before.label().toLowerCase(Locale.ROOT) + " → " + state.label().toLowerCase(Locale.ROOT));
            }
            return before;
        });
        if (previous != state) {
            LOG.info("BLACKSTART-STATUS-030 {} set {} of {} to {} on the status page", user.getName(), id, key, state.code());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incident", key);
        answer.put("component", id);
        answer.put("name", name(id));
        answer.put("state", state.code());
        answer.put("label", state.label());
        return answer;
    }

    private static ComponentState parse(String code) {
        if (code != null) {
            for (ComponentState choice : CHOICES) {
                if (choice.code().equals(code.strip())) {
                    return choice;
                }
            }
        }
        throw IncidentProblem.invalid("state must be one of " + CODES + ", was " + (code == null ? "missing" : "'" + code + "'"));
    }

    private static Set<String> services(String commaSeparated) {
        return Set.copyOf(StatusStore.ids(commaSeparated == null ? null : commaSeparated.toLowerCase(Locale.ROOT)));
    }

    private String name(String id) {
        return statusPage.componentName(id);
    }
}
