package org.blackstart.app.runbook;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentProblem;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a runbook for an incident on a commander's request: a runbook the catalog lists, for an incident still
 * open, not while the same runbook is already running for it (a second click starts nothing).
 */
@Component
class RunbookStarter {

    private static final Set<String> ENDED = Set.of("closed", "cancelled");

    private final IncidentRepository incidents;
    private final RunbookCatalog catalog;
    private final RunbookRuns runs;
    private final RuntimeService runtime;
    private final IdentityService identity;

    RunbookStarter(IncidentRepository incidents, RunbookCatalog catalog, RunbookRuns runs, RuntimeService runtime,
                   IdentityService identity) {
        this.incidents = incidents;
        this.catalog = catalog;
        this.runs = runs;
        this.runtime = runtime;
        this.identity = identity;
    }

    /**
     * @throws IncidentNotFoundException when there is no such incident
     * @throws IncidentProblem 400 for a key that is not a runbook, 409 for an ended incident or a runbook already running
     */
    @Transactional
    RunbookRuns.Run start(String incidentKey, String runbookKey, String user) {
        IncidentRecord incident = incidents.findForUpdate(incidentKey).orElseThrow(() -> new IncidentNotFoundException(incidentKey));
        RunbookCatalog.Runbook runbook = catalog.find(runbookKey).orElseThrow(() -> IncidentProblem.invalid(
                "'" + runbookKey + "' is not a runbook deployed here; GET /api/runbooks lists them"));
        if (ENDED.contains(incident.status())) {
            throw IncidentProblem.conflict(incidentKey + " is " + incident.status() + "; runbooks run for open incidents");
        }
        boolean running = runs.ofIncident(incidentKey).stream()
                .anyMatch(run -> run.runbook().equals(runbook.key()) && RunbookRuns.RUNNING.equals(run.outcome()));
        if (running) {
            throw IncidentProblem.conflict(runbook.name() + " is already running for " + incidentKey
                    + "; finish it (or have an operator cancel it) before starting it again");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentKey", incidentKey);
        variables.put("title", incident.title());
        variables.put(RunbookTracker.STARTED_BY, user);
        // The platform starts it on the commander's behalf: no group may start a runbook directly (GroupAuthorizations),
        // so it starts without the caller's authorizations, which are restored after.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        String processInstanceId;
        try {
            processInstanceId = runtime.startProcessInstanceById(runbook.definitionId(), incidentKey, variables).getId();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
        return runs.find(processInstanceId).orElseThrow();
    }
}
