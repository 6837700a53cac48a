package org.blackstart.app.tasks;

import org.blackstart.app.incident.Severity;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How urgent an incident's tasks are: the priority and due date its severity gives them. Set on every
 * task as it is created; {@link #severityChanged} moves the open ones when an incident is re-triaged.
 */
@Component
public class TaskUrgency {

    private static final Logger LOG = LoggerFactory.getLogger(TaskUrgency.class);

    // The engine is built with this package's plugin, so it is looked up when first needed.
    private final ObjectProvider<ProcessEngine> engine;
    private final OpenTasks openTasks;

    TaskUrgency(ObjectProvider<ProcessEngine> engine, TaskDueProperties due) {
        this.engine = engine;
        this.openTasks = new OpenTasks(due);
    }

    /**
     * Gives the incident's open tasks the priority of {@code severity} and, where the due date is still
     * the one Blackstart set, a due date counted from now. Tasks already at that priority are left alone.
     * Joins the caller's transaction if there is one.
     *
     * @param severity {@code SEV1}..{@code SEV4}, or {@code null} for an incident not triaged yet
     * @throws IllegalArgumentException for any other severity
     */
    public void severityChanged(String incidentKey, String severity) {
        Severity parsed = TaskPriorities.parse(severity);
        if (parsed == null && severity != null) {
            throw new IllegalArgumentException("not a severity: " + severity);
        }
        ProcessEngine processEngine = engine.getObject();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        int changed = configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                () -> openTasks.reprioritise(processEngine.getTaskService(), incidentKey, parsed, null,
                        ClockUtil.getCurrentTime().toInstant())));
        LOG.info("BLACKSTART-TASKS-002 incident {} is now {}: {} open task(s) re-prioritised", incidentKey,
                parsed == null ? "untriaged" : parsed, changed);
    }
}
