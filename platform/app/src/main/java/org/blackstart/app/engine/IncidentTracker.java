package org.blackstart.app.engine;

import org.blackstart.app.incident.IncidentClosed;
import org.blackstart.app.incident.IncidentDeclared;
import org.blackstart.app.incident.IncidentKeys;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.incident.IncidentService;
import org.blackstart.app.incident.IncidentStatusChanged;
import org.blackstart.app.incident.KeyTimeReached;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code bs_incident} and the timeline in step with the engine. Runs inside the engine's
 * transaction, so an incident row and its timeline exist exactly when the engine's state does.
 */
@Component
public class IncidentTracker {

    static final String SYSTEM = "system";

    private final IncidentKeys keys;
    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;

    public IncidentTracker(IncidentKeys keys, IncidentRepository incidents, Timeline timeline,
                           ApplicationEventPublisher events) {
        this.keys = keys;
        this.incidents = incidents;
        this.timeline = timeline;
        this.events = events;
    }

    void incidentStarted(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key == null || key.isBlank()) {
            // Started from Tasklist or Cockpit: they know nothing of incident keys.
            key = keys.next();
            execution.setProcessBusinessKey(key);
        }
        String title = text(execution, "title");
        if (title == null || title.isBlank()) {
            title = "Untitled incident";
            execution.setVariable("title", title);
        }
        String declaredBy = text(execution, "declaredBy");
        if (declaredBy == null) {
            declaredBy = currentUser(execution);
            execution.setVariable("declaredBy", declaredBy);
        }
        incidents.insert(key, title, text(execution, "summary"), text(execution, "severity"), declaredBy,
                execution.getProcessInstanceId(), text(execution, "escalationPolicy"),
                Boolean.TRUE.equals(execution.getVariable(IncidentRepository.TEST_VARIABLE))
                        ? IncidentRepository.KIND_TEST : IncidentRepository.KIND_INCIDENT);
        timeline.record(key, TimelineKind.INCIDENT_DECLARED, null, null, declaredBy, title);
        Object alertGroupId = execution.getVariable("alertGroupId");
        events.publishEvent(new IncidentDeclared(key, declaredBy,
                alertGroupId instanceof Number id ? Long.valueOf(id.longValue()) : null));
    }

    /** A step marked {@code blackstart.keyTime} ended: the incident reached that key time (the first one counts). */
    void keyTimeReached(DelegateExecution execution, String name) {
        String key = execution.getProcessBusinessKey();
        if (key == null || execution.isCanceled()) {
            return;
        }
        events.publishEvent(new KeyTimeReached(key, name, ClockUtil.getCurrentTime().toInstant(), currentUser(execution)));
    }

    void incidentEnded(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        String status = execution.isCanceled() ? "cancelled" : "closed";
        incidents.update(key, null, null, null, status);
        timeline.record(key, TimelineKind.INCIDENT_CLOSED, null, null, currentUser(execution),
                execution.isCanceled() ? "incident cancelled" : "incident closed");
        if (!execution.isCanceled()) {
            // In the engine's transaction: what follows a close (the postmortem) starts exactly when the close commits.
            events.publishEvent(new IncidentClosed(key, text(execution, "severity")));
        }
    }

    void stepStarted(DelegateExecution execution, String kind) {
        String key = execution.getProcessBusinessKey();
        if (key == null) {
            return;
        }
        String detail = kind.startsWith("serviceTask:") ? "asks for " + kind.substring("serviceTask:".length()) : null;
        timeline.record(key, TimelineKind.STEP_STARTED, execution.getCurrentActivityId(), nameOf(execution), SYSTEM, detail);
    }

    void stepEnded(DelegateExecution execution, String kind, String status) {
        String key = execution.getProcessBusinessKey();
        if (key == null || execution.isCanceled()) {
            return;
        }
        String actor = actorOf(execution, kind);
        timeline.record(key, TimelineKind.STEP_COMPLETED, execution.getCurrentActivityId(), nameOf(execution), actor, null);
        if (("userTask".equals(kind) && ownsIncident(execution)) || status != null) {
            updateIncident(execution, key, status);
        }
        if (status != null) {
            timeline.record(key, TimelineKind.STATUS_CHANGED, execution.getCurrentActivityId(), nameOf(execution), actor,
                    "status " + status);
        }
    }

    /**
     * A step with its own timeline line ({@code blackstart.timeline}): that line instead of the generic
     * start and end entries, so a busy sub-process such as paging tells its story in a few lines.
     * A line that evaluates to nothing is left out.
     */
    void lineRecorded(DelegateExecution execution, String kind, String status, TimelineLine line) {
        String key = execution.getProcessBusinessKey();
        if (key == null || execution.isCanceled()) {
            return;
        }
        String actor = actorOf(execution, kind);
        Object text = line.text().getValue(execution);
        if (text != null && !text.toString().isBlank()) {
            timeline.record(key, line.kind(), execution.getCurrentActivityId(), nameOf(execution), actor, text.toString());
        }
        if (status != null) {
            updateIncident(execution, key, status);
            timeline.record(key, TimelineKind.STATUS_CHANGED, execution.getCurrentActivityId(), nameOf(execution), actor,
                    "status " + status);
        }
    }

    /**
     * Severity, services and impact come from the incident's own process only: a vendor escalation or a
     * notice holds a copy taken when it started, and writing that back would undo a later triage.
     */
    private void updateIncident(DelegateExecution execution, String key, String status) {
        if (status != null) {
            // Synchronous, in the engine's transaction: key times and whatever else follows a status commit with it.
            events.publishEvent(new IncidentStatusChanged(key, status, ClockUtil.getCurrentTime().toInstant(),
                    currentUser(execution)));
        }
        if (ownsIncident(execution)) {
            incidents.update(key, text(execution, "severity"), text(execution, "affectedServices"),
                    text(execution, "customerImpact"), status);
            // Only Resolve's form has these fields (the task guard refuses them elsewhere); they outlive the process here.
            String rootCause = text(execution, "rootCause");
            String resolution = text(execution, "resolutionSummary");
            if (rootCause != null || resolution != null) {
                incidents.recordResolution(key, rootCause, resolution);
            }
        } else {
            incidents.update(key, null, null, null, status);
        }
    }

    private static boolean ownsIncident(DelegateExecution execution) {
        String definition = execution.getProcessDefinitionId();
        return definition != null && definition.startsWith(IncidentService.PROCESS_KEY + ":");
    }

    private static String actorOf(DelegateExecution execution, String kind) {
        if ("userTask".equals(kind)) {
            return currentUser(execution);
        }
        if (kind.startsWith("serviceTask:") && !"serviceTask:null".equals(kind)) {
            String topic = kind.substring("serviceTask:".length());
            // A topic chosen at run time (notice.${noticeChannel}) names the actor as it was resolved.
            return topic.contains("${") ? String.valueOf(org.camunda.bpm.engine.impl.context.Context.getProcessEngineConfiguration()
                    .getExpressionManager().createExpression(topic).getValue(execution)) : topic;
        }
        return SYSTEM;
    }

    /**
     * The step as people name it. Task names may be expressions (Tasklist shows
     * "Triage INC-2026-0001: Mail delayed"); on the incident's own timeline the key is left out.
     */
    private static String nameOf(DelegateExecution execution) {
        String name = execution.getCurrentActivityName();
        if (name == null) {
            return execution.getCurrentActivityId();
        }
        if (name.contains("${")) {
            try {
                Object value = Context.getProcessEngineConfiguration().getExpressionManager()
                        .createExpression(name).getValue(execution);
                name = String.valueOf(value);
            } catch (RuntimeException unresolved) {
                return execution.getCurrentActivityId();
            }
            String key = execution.getProcessBusinessKey();
            if (key != null) {
                name = name.replace(" " + key, "");
            }
        }
        return name;
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
