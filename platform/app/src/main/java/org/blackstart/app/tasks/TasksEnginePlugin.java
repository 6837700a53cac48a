package org.blackstart.app.tasks;

import java.util.ArrayList;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
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

        static final String DUE_PROPERTY = "blackstart.due";

        private final TaskUrgencyListener urgency;

        UrgencyParseListener(TaskUrgencyListener urgency) {
            this.urgency = urgency;
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                String kind = dueKind(element);
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                        task -> urgency.created(task, kind));
                behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, urgency::completed);
                if (kind != null) {
                    // Only tasks with a kind are ever raised as overdue; the others need no look.
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, OverdueSettle::settled);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, OverdueSettle::settled);
                }
            }
        }

        /** The user task's {@value #DUE_PROPERTY} extension property, or null. */
        static String dueKind(Element element) {
            Element extensions = element.element("extensionElements");
            Element properties = extensions == null ? null
                    : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
            if (properties == null) {
                return null;
            }
            for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                String value = property.attribute("value");
                if (DUE_PROPERTY.equals(property.attribute("name")) && value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }
    }
}
