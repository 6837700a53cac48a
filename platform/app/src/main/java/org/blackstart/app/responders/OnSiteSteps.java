package org.blackstart.app.responders;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * What on-site.bpmn asks when its tasks complete, as bean {@code onSiteSteps}: checks the check-in, records who
 * checked in and when, and words the timeline lines. Runs after the form's variables are set, so what it records
 * is never taken from a submitted variable of another name.
 */
@Component("onSiteSteps")
public class OnSiteSteps {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int NOTE_LIMIT = 1000;

    private final Clock clock;

    OnSiteSteps(Clock clock) {
        this.clock = clock;
    }

    /** The check-in: refused unless "arrived" is ticked; the line names who arrived where and when. */
    public void checkedIn(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("onSiteArrived"))) {
            throw new IllegalArgumentException("check in when you have arrived: tick 'I have arrived at the site'");
        }
        String at = text(task, "onSiteArrivedAt", 40);
        String arrivedAt = at == null ? TIME.format(clock.instant()) : at;
        String by = completedBy(task);
        task.getExecution().setVariable("onSiteArrivedBy", by);
        task.getExecution().setVariable("onSiteArrivedAt", arrivedAt);
        String name = text(task, "onSitePersonName", 200);
        String person = text(task, "onSitePerson", 200);
        String line = (name == null ? person : name) + " arrived on site at " + text(task, "onSiteSite", 200) + " (" + arrivedAt
                + (by != null && !by.equals(person) ? ", checked in by " + by : "") + ")" + note(task, "onSiteCheckInNote");
        task.getExecution().setVariable("onSiteArrivalLine", line);
    }

    /** The checklist worked: done or not all done, with what they found. */
    public void checklistWorked(DelegateTask task) {
        boolean allDone = Boolean.TRUE.equals(task.getVariable("onSiteAllDone"));
        String name = text(task, "onSitePersonName", 200);
        String line = (name == null ? text(task, "onSitePerson", 200) : name) + " on site at " + text(task, "onSiteSite", 200)
                + ": " + (allDone ? "every checklist item done" : "checklist not all done") + note(task, "onSiteNote");
        task.getExecution().setVariable("onSiteChecklistLine", line);
    }

    private static String completedBy(DelegateTask task) {
        String current = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        return current != null ? current : task.getAssignee();
    }

    private static String note(DelegateTask task, String name) {
        String note = text(task, name, NOTE_LIMIT);
        return note == null ? "" : ": " + note;
    }

    private static String text(DelegateTask task, String name, int limit) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip().replaceAll("\\s+", " ");
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
