package org.blackstart.app.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.periodic.Repeating;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.SingleNodeLease;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No silent waits: every {@code blackstart.tasks.overdue.interval}, one node of the cluster (lease {@value #LEASE})
 * looks for open tasks of incidents that name a due-time kind and are past their due time, and starts
 * overdue-task.bpmn for each: the commander gets "Overdue: ..." and decides. A task is raised once per due time:
 * the row in {@code bs_overdue_raised} is claimed in the transaction that starts the commander's task, so neither
 * a restart nor a second node raises it twice.
 */
@Component
public class OverdueCheck implements SmartLifecycle {

    static final String LEASE = "overdue-tasks";
    static final String PROCESS_KEY = "overdue-task";

    private static final Logger LOG = LoggerFactory.getLogger(OverdueCheck.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    // The engine is built with this package's plugin, so it is looked up when first needed.
    private final ObjectProvider<ProcessEngine> engine;
    private final SingleNodeLease lease;
    private final OverdueProperties properties;
    private final JdbcTemplate jdbc;
    private final Timeline timeline;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Repeating repeating = new Repeating("overdue-tasks");

    OverdueCheck(ObjectProvider<ProcessEngine> engine, SingleNodeLease lease, OverdueProperties properties, JdbcTemplate jdbc,
                 Timeline timeline, TransactionTemplate transactions, Clock clock) {
        this.engine = engine;
        this.lease = lease;
        this.properties = properties;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One look; returns how many tasks it raised to the commander. */
    public int check() {
        if (!lease.tryHold(LEASE, properties.interval().multipliedBy(3))) {
            return 0;
        }
        Instant now = clock.instant();
        List<Task> overdue = engine.getObject().getTaskService().createTaskQuery().active().dueBefore(Date.from(now))
                .taskVariableValueLike(OpenTasks.DUE_KIND_VARIABLE, "%").list();
        int raised = 0;
        for (Task task : overdue) {
            try {
                if (raise(task, now)) {
                    raised++;
                }
            } catch (RuntimeException failed) {
                // The next look tries again: nothing was claimed for a task whose raise rolled back.
                LOG.warn("BLACKSTART-TASKS-021 could not raise overdue task {} ({}): {}", task.getId(), task.getName(),
                        failed.toString());
            }
        }
        return raised;
    }

    private boolean raise(Task task, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            ProcessInstance process = engine.getObject().getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            String key = process == null ? null : process.getBusinessKey();
            if (key == null) {
                return false;
            }
            Timestamp due = new Timestamp(task.getDueDate().getTime());
            Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM bs_overdue_raised WHERE task_id = ? AND due_at = ?",
                    Integer.class, task.getId(), due);
            if (already != null && already > 0) {
                return false;
            }
            try {
                jdbc.update("INSERT INTO bs_overdue_raised (task_id, due_at, incident_key, raised_at) VALUES (?, ?, ?, ?)",
                        task.getId(), due, key, Timestamp.from(now));
            } catch (DuplicateKeyException raisedElsewhere) {
                // Another node raised it a moment ago, after this one's lease ran out; nothing else happened here.
                tx.setRollbackOnly();
                return false;
            }
            long late = Math.max(1, (Duration.between(task.getDueDate().toInstant(), now).toSeconds() + 59) / 60);
            String dueTime = TIME.format(task.getDueDate().toInstant());
            Map<String, Object> variables = new HashMap<>();
            variables.put("incidentKey", key);
            variables.put(OverdueSettle.TASK_VARIABLE, task.getId());
            variables.put("overdueTaskName", task.getName());
            variables.put("overdueDueTime", dueTime);
            variables.put("overdueMinutesLate", late);
            variables.put("overdueAssigneeLine", task.getAssignee() == null ? ", and nobody has claimed it"
                    : ", assigned to " + task.getAssignee());
            engine.getObject().getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, key, variables);
            timeline.add(key, TimelineKind.OVERDUE, "platform", "Overdue: " + task.getName() + " was due " + dueTime + ", "
                    + late + " min late" + (task.getAssignee() == null ? "" : " (" + task.getAssignee() + ")")
                    + "; the commander is asked");
            LOG.info("BLACKSTART-TASKS-020 task {} of {} is {} min overdue: raised to the commanders", task.getId(), key, late);
            return true;
        }));
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            return;
        }
        repeating.start(properties.interval(), this::check,
                e -> LOG.warn("BLACKSTART-TASKS-022 overdue check failed: {}", e.toString()));
    }

    @Override
    public void stop() {
        repeating.stop();
    }

    @Override
    public boolean isRunning() {
        return repeating.running();
    }
}
