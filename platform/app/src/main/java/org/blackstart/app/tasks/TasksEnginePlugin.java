package org.blackstart.app.tasks;

import java.util.ArrayList;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The engine's part of the task features: every user task of every deployed process gets the urgency
 * listeners (no BPMN names them), and comments on tasks reach the incident timeline. The listeners are
 * built in, so a Cockpit modification that skips custom listeners still leaves a prioritised task.
 */
@Component
class TasksEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskUrgencyListener urgency;
    private final CommentTimeline comments;

    TasksEnginePlugin(IncidentRepository incidents, Timeline timeline, TaskDueProperties due) {
        this.urgency = new TaskUrgencyListener(incidents, new OpenTasks(due));
        this.comments = new CommentTimeline(incidents, timeline);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new UrgencyParseListener(urgency));
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(comments);
    }

    static final class UrgencyParseListener extends AbstractBpmnParseListener {

        private final TaskUrgencyListener urgency;

        UrgencyParseListener(TaskUrgencyListener urgency) {
            this.urgency = urgency;
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, urgency::created);
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, urgency::completed);
            }
        }
    }
}
