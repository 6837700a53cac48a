package org.blackstart.app.incident;

import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The incidents a commander can still change course on. Once resolved (monitoring), until reopened, the resolved notice is on its
 * way with what the incident was; after that its severity, services and status page states are
 * history, which notes may still add to but nobody rewrites.
 */
@Component
public class OpenIncidents {

    private static final Set<String> ENDED = Set.of("monitoring", "resolved", "closed", "cancelled");

    private final IncidentRepository incidents;

    OpenIncidents(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    /**
     * The incident, its row locked until the transaction ends so that two changes of course do not
     * interleave.
     *
     * @param change what the caller wants to do, for the refusal's words
     * @throws IncidentNotFoundException when there is no such incident
     * @throws IncidentProblem           (409) when it is monitoring (resolved), closed or cancelled
     */
    public IncidentRecord lock(String key, String change) {
        IncidentRecord incident = incidents.findForUpdate(key).orElseThrow(() -> new IncidentNotFoundException(key));
        if (ENDED.contains(incident.status())) {
            throw IncidentProblem.conflict("incident " + key + " is " + incident.status() + "; " + change
                    + " is for open incidents only");
        }
        return incident;
    }
}
