package org.blackstart.bpmn;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Evaluates a step's {@code blackstart.timeline} line when the step ends, as the platform's incident
 * tracker does (not for cancelled steps, nor a blank line), and keeps the lines. A line that cannot be evaluated fails
 * the step here as it would fail it in the platform. Only for the processes named in {@link #TRACKED},
 * so the other process tests run as before.
 */
public class TimelineRecordingParseListener extends AbstractBpmnParseListener {

    static final Set<String> TRACKED = Set.of("vendor-escalation", "major-incident", "action-item", "notice-catchup",
            "mail-database-restore", "four-eyes", "datacenter-power-recovery", "deferred-work");
    static final List<String> LINES = new CopyOnWriteArrayList<>();

    private void track(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
                || !TRACKED.contains(definition.getKey())) {
            return;
        }
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return;
        }
        String line = null;
        String kind = "STEP_COMPLETED";
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if ("blackstart.timeline".equals(property.attribute("name"))) {
                line = property.attribute("value");
            } else if ("blackstart.timeline.kind".equals(property.attribute("name"))) {
                kind = property.attribute("value");
            }
        }
        if (line == null) {
            return;
        }
        Expression text = Context.getProcessEngineConfiguration().getExpressionManager().createExpression(line);
        String recordedKind = kind;
        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
            if (execution.isCanceled()) {
                return;
            }
            Object value = text.getValue(execution);
            if (value != null && !value.toString().isBlank()) {
                LINES.add(execution.getProcessBusinessKey() + " " + recordedKind + " " + value);
            }
        });
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, scope, activity);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, scope, activity);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, scope, activity);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, scope, activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, scope, activity);
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        track(element, scope, activity);
    }
}
