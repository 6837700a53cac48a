package org.blackstart.app.notice;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code noticeCadence} in BPMN: when the next customer update is due and when it is overdue, by the
 * incident's severity ({@code blackstart.notices.cadence}).
 */
@Component("noticeCadence")
public class NoticeCadence {

    private final NoticeProperties properties;

    public NoticeCadence(NoticeProperties properties) {
        this.properties = properties;
    }

    /** ISO-8601 duration until the next update, for a timer. */
    public String interval(DelegateExecution execution) {
        return iso(interval(severity(execution)));
    }

    /** ISO-8601 duration after which a due update is overdue, for a timer. */
    public String grace(DelegateExecution execution) {
        return iso(properties.overdueAfter());
    }

    public Duration interval(String severity) {
        return properties.cadenceOf(severity);
    }

    private static String severity(DelegateExecution execution) {
        Object severity = execution.getVariable("severity");
        return severity == null ? null : severity.toString();
    }

    private static String iso(Duration duration) {
        return duration.toString();
    }
}
