package org.blackstart.app.runbook;

import java.util.Map;
import org.blackstart.app.engine.BpmnProperties;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives runbooks their behaviour as they are deployed, from their extension properties: a process marked
 * {@code blackstart.runbook = true} is tracked as a run; an end event's {@code blackstart.runbook.outcome} names how
 * the run ended; a step's {@code blackstart.fourEyes}, {@code blackstart.fourEyes.approval} and
 * {@code blackstart.choices} add the four-eyes rule and the checked decisions. Task listeners are built in, so no
 * runbook author has to remember them and a call that skips custom listeners cannot skip them.
 */
class RunbookParseListener extends AbstractBpmnParseListener {

    static final String RUNBOOK = "blackstart.runbook";
    static final String OUTCOME = "blackstart.runbook.outcome";
    static final String FOUR_EYES = "blackstart.fourEyes";
    static final String FOUR_EYES_APPROVAL = "blackstart.fourEyes.approval";
    static final String CHOICES = "blackstart.choices";

    private final RunbookTracker tracker;

    RunbookParseListener(RunbookTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if ("true".equals(BpmnProperties.of(processElement).get(RUNBOOK))) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) tracker::started);
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) tracker::ended);
        }
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        String outcome = BpmnProperties.of(element).get(OUTCOME);
        if (outcome != null && !outcome.isBlank()) {
            String marked = outcome.strip();
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                    (ExecutionListener) execution -> RunbookTracker.outcomeReached(execution, marked));
        }
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
            return;
        }
        TaskDefinition task = behavior.getTaskDefinition();
        Map<String, String> properties = BpmnProperties.of(element);
        if ("true".equals(properties.get(FOUR_EYES))) {
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, FourEyes::stepDone);
        }
        if ("true".equals(properties.get(FOUR_EYES_APPROVAL))) {
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, FourEyes::assigned);
        }
        String choices = properties.get(CHOICES);
        if (choices != null && !choices.isBlank()) {
            StepChoices parsed = StepChoices.parse(activity.getId(), choices);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, parsed::offered);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, parsed::completed);
        }
    }
}
