package org.blackstart.app.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.blackstart.app.timeline.TimelineKind;

/**
 * Attaches the incident tracker to processes as they are deployed: processes marked
 * {@code blackstart.incident=true} open an incident record when they start, and every step of
 * every process (called ones too, which share the incident's business key) goes on the timeline.
 */
class IncidentTrackingParseListener extends AbstractBpmnParseListener {

    static final String INCIDENT_PROPERTY = "blackstart.incident";
    static final String STATUS_PROPERTY = "blackstart.status";
    /** An expression giving the step's own line on the timeline, in place of its generic start and end entries. */
    static final String TIMELINE_PROPERTY = "blackstart.timeline";
    /** The {@link TimelineKind} of that line; {@code STEP_COMPLETED} when absent. */
    static final String TIMELINE_KIND_PROPERTY = "blackstart.timeline.kind";

    /** A key time the incident reaches when the step ends ({@code acknowledged}); see {@code KeyTimes}. */
    static final String KEY_TIME_PROPERTY = "blackstart.keyTime";

    private final IncidentTracker tracker;

    IncidentTrackingParseListener(IncidentTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if ("true".equals(BpmnProperties.of(processElement).get(INCIDENT_PROPERTY))) {
            ExecutionListener started = tracker::incidentStarted;
            ExecutionListener ended = tracker::incidentEnded;
            processDefinition.addListener(ExecutionListener.EVENTNAME_START, started);
            processDefinition.addListener(ExecutionListener.EVENTNAME_END, ended);
        }
    }

    private void track(Element element, ActivityImpl activity, String kind) {
        Map<String, String> properties = BpmnProperties.of(element);
        String status = properties.get(STATUS_PROPERTY);
        String line = properties.get(TIMELINE_PROPERTY);
        String keyTime = properties.get(KEY_TIME_PROPERTY);
        if (keyTime != null) {
            activity.addListener(ExecutionListener.EVENTNAME_END,
                    (ExecutionListener) execution -> tracker.keyTimeReached(execution, keyTime));
        }
        if (line != null) {
            TimelineLine timelineLine = TimelineLine.parse(activity.getId(), line, properties.get(TIMELINE_KIND_PROPERTY));
            activity.addListener(ExecutionListener.EVENTNAME_END,
                    (ExecutionListener) execution -> tracker.lineRecorded(execution, kind, status, timelineLine));
            return;
        }
        ExecutionListener started = execution -> tracker.stepStarted(execution, kind);
        ExecutionListener ended = execution -> tracker.stepEnded(execution, kind, status);
        activity.addListener(ExecutionListener.EVENTNAME_START, started);
        activity.addListener(ExecutionListener.EVENTNAME_END, ended);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        // Plain start and end events are noise on a timeline; an end event that sets a status is not.
        Map<String, String> properties = BpmnProperties.of(element);
        if (properties.containsKey(STATUS_PROPERTY) || properties.containsKey(TIMELINE_PROPERTY)) {
            track(element, activity, "event");
        }
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, activity, "userTask");
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, activity, "serviceTask:" + element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "topic"));
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, activity, "serviceTask:" + element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "topic"));
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, activity, "callActivity");
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, activity, "receiveTask");
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, activity, "event");
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, activity, "event");
    }
}
