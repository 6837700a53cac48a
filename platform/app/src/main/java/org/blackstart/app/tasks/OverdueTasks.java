package org.blackstart.app.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The commander's decision on an overdue task, as bean {@code overdueTasks} of overdue-task.bpmn: applied to the
 * overdue task when the commander completes "Overdue: ...", after the form's variables are set. Every choice is
 * checked here, whoever completes the task and however: a hand-over names an existing user, more time is 1 to
 * 1440 minutes, "it's fine" says why. Refused, the completion fails and nothing changes.
 */
@Component("overdueTasks")
public class OverdueTasks {

    static final Set<String> ACTIONS = Set.of("take-over", "hand-over", "more-time", "fine");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    OverdueTasks(Clock clock) {
        this.clock = clock;
    }

    public void decided(DelegateTask decision) {
        String action = text(decision, "overdueAction");
        if (action == null || !ACTIONS.contains(action)) {
            throw new IllegalArgumentException("overdueAction must be one of take-over, hand-over, more-time, fine");
        }
        String commander = commander(decision);
        String name = text(decision, "overdueTaskName");
        String note = text(decision, "overdueNote");
        ProcessEngineServices engine = decision.getProcessEngineServices();
        String taskId = text(decision, OverdueSettle.TASK_VARIABLE);
        // The commander decides about a task they may not be allowed to edit themselves, such as an agent's review.
        String outcome = Context.getCommandContext().runWithoutAuthorization(() -> {
            Task overdue = taskId == null ? null : engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (overdue == null) {
                return commander + ": " + name + " is no longer open";
            }
            return switch (action) {
                case "take-over" -> {
                    engine.getTaskService().setAssignee(overdue.getId(), commander);
                    yield commander + " took over " + name;
                }
                case "hand-over" -> {
                    String to = text(decision, "overdueHandTo");
                    if (to == null || engine.getIdentityService().createUserQuery().userId(to).count() == 0) {
                        throw new IllegalArgumentException("overdueHandTo must name an existing user to hand the task to");
                    }
                    engine.getTaskService().setAssignee(overdue.getId(), to);
                    yield commander + " handed " + name + " to " + to;
                }
                case "more-time" -> {
                    long minutes = minutes(decision.getVariable("overdueMoreMinutes"));
                    Instant due = clock.instant().plus(Duration.ofMinutes(minutes));
                    // Not recorded as Blackstart's due date: a re-triage leaves the commander's time alone.
                    engine.getTaskService().setDueDate(overdue.getId(), Date.from(due));
                    yield commander + " gave " + name + " " + minutes + " more minutes, due " + TIME.format(due);
                }
                default -> {
                    if (note == null) {
                        throw new IllegalArgumentException("overdueNote must say why the overdue task is fine as it is");
                    }
                    yield commander + ": " + name + " is fine as it is";
                }
            };
        });
        decision.getExecution().setVariable("overdueOutcomeLine", note == null ? outcome : outcome + ": " + note);
    }

    private static long minutes(Object value) {
        long minutes;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            minutes = number.longValue();
        } else {
            throw new IllegalArgumentException("overdueMoreMinutes must be a whole number of minutes from 1 to 1440");
        }
        if (minutes < 1 || minutes > 1440) {
            throw new IllegalArgumentException("overdueMoreMinutes must be a whole number of minutes from 1 to 1440");
        }
        return minutes;
    }

    private static String commander(DelegateTask task) {
        String current = Context.getCommandContext().getAuthenticatedUserId();
        return current != null ? current : task.getAssignee() != null ? task.getAssignee() : "a commander";
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
