package org.blackstart.app.runbook;

import java.time.Clock;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code bs_runbook_run} and the timeline in step with the runbooks' processes, in the engine's transaction:
 * a run is recorded exactly when its process starts, and its end when it ends, however it was started or ended.
 */
@Component
class RunbookTracker {

    /** Set by the API when a commander starts a runbook: the run is theirs, although the platform starts it. */
    static final String STARTED_BY = "runbookStartedBy";
    /** Set by an end event marked {@code blackstart.runbook.outcome}, e.g. {@code stopped}. */
    static final String OUTCOME = "runbookOutcome";

    private static final Logger LOG = LoggerFactory.getLogger(RunbookTracker.class);

    private final RunbookRuns runs;
    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final Clock clock;

    RunbookTracker(RunbookRuns runs, IncidentRepository incidents, Timeline timeline, Clock clock) {
        this.runs = runs;
        this.incidents = incidents;
        this.timeline = timeline;
        this.clock = clock;
    }

    void started(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key == null || incidents.find(key).isEmpty()) {
            // Without its incident a run has no timeline, no page and nobody who knows it is running.
            throw new BadUserRequestException("A runbook runs for an incident: start it from the incident "
                    + "(POST /api/incidents/{key}/runbooks)");
        }
        ProcessDefinitionEntity definition = definition(execution);
        String by = startedBy(execution);
        String name = nameOf(definition);
        runs.started(new RunbookRuns.Run(execution.getProcessInstanceId(), key, definition.getKey(), name,
                definition.getVersion(), by, clock.instant(), RunbookRuns.RUNNING, null));
        timeline.record(key, TimelineKind.RUNBOOK, null, name, by, "Runbook " + name + " started by " + by);
        LOG.info("BLACKSTART-RUNBOOK-001 runbook {} (version {}) started for {} by {}", definition.getKey(),
                definition.getVersion(), key, by);
    }

    void ended(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        Object marked = execution.getVariable(OUTCOME);
        String outcome = execution.isCanceled() ? RunbookRuns.CANCELLED
                : marked != null ? marked.toString() : RunbookRuns.COMPLETED;
        runs.ended(execution.getProcessInstanceId(), outcome, clock.instant());
        String name = nameOf(definition(execution));
        // A stopped run says why on the line of the end event that stopped it.
        if (!RunbookRuns.STOPPED.equals(outcome)) {
            timeline.record(key, TimelineKind.RUNBOOK, null, name, currentUser(execution), "Runbook " + name + " " + outcome);
        }
        LOG.info("BLACKSTART-RUNBOOK-002 runbook {} for {} ended: {}", execution.getProcessDefinitionId(), key, outcome);
    }

    /** An end event marked {@code blackstart.runbook.outcome} is reached. */
    static void outcomeReached(DelegateExecution execution, String outcome) {
        execution.getProcessInstance().setVariable(OUTCOME, outcome);
    }

    private static ProcessDefinitionEntity definition(DelegateExecution execution) {
        return (ProcessDefinitionEntity) ((ExecutionEntity) execution).getProcessInstance().getProcessDefinition();
    }

    private static String nameOf(ProcessDefinitionEntity definition) {
        return definition.getName() == null || definition.getName().isBlank() ? definition.getKey() : definition.getName();
    }

    private static String startedBy(DelegateExecution execution) {
        Object by = execution.getVariable(STARTED_BY);
        return by != null ? by.toString() : currentUser(execution);
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? FourEyes.SYSTEM : authentication.getUserId();
    }
}
