package org.blackstart.bpmn;

import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the platform's postmortem beans in process tests ({@code postmortemTasks},
 * {@code postmortemMeeting}), with their rules as the process relies on them: the reviewer is not the
 * author, a verdict is chosen, changes come with comments, and the meeting is due within 3 days for SEV1
 * and 7 calendar days (5 working days at most) otherwise. What they were asked is kept in {@link #lines}.
 */
public class FakePostmortemServices {

    final List<String> lines = new CopyOnWriteArrayList<>();
    /** Who completes the write task, as the engine's authentication would tell the platform. */
    String author = "commander";

    static FakePostmortemServices register() {
        FakePostmortemServices fake = new FakePostmortemServices();
        Mocks.register("postmortemTasks", fake.new Tasks());
        Mocks.register("postmortemMeeting", fake.new Meeting());
        Mocks.register("postmortemWritten", (JavaDelegate) fake::written);
        Mocks.register("postmortemReviewed", (JavaDelegate) fake::reviewed);
        return fake;
    }

    public class Tasks {
        public void writing(DelegateTask task) {
            task.removeVariable("postmortemVerdict");
            lines.add("draft built");
        }

        public void published(DelegateExecution execution) {
            lines.add("published");
        }
    }

    void written(DelegateExecution execution) {
        Object reviewer = execution.getVariable("reviewer");
        if (reviewer == null || author.equals(reviewer)) {
            throw new FormFieldValidationException("reviewer", "Choose a reviewer other than yourself.");
        }
        execution.setVariable("postmortemReviewer", reviewer);
        execution.setVariable("postmortemAuthor", author);
        lines.add("in-review by " + reviewer);
    }

    void reviewed(DelegateExecution execution) {
        Object verdict = execution.getVariable("postmortemVerdict");
        if (!"approve".equals(verdict) && !"changes".equals(verdict)) {
            throw new FormFieldValidationException("postmortemVerdict", "Choose a verdict.");
        }
        lines.add(verdict + ": " + execution.getVariable("reviewComments"));
    }

    public class Meeting {
        public void scheduled(DelegateExecution execution) {
            long days = "SEV1".equals(execution.getVariable("severity")) ? 3 : 7;
            execution.setVariable("meetingDue", new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L));
        }

        public boolean inviteNeeded(DelegateExecution execution) {
            Object at = execution.getVariable("meetingAt");
            Object invited = execution.getVariable("meetingInvited");
            boolean needed = invited == null || !invited.equals(String.valueOf(at));
            execution.setVariable("meetingInvited", String.valueOf(at));
            return needed;
        }

        public String participants(DelegateExecution execution) {
            return author + "," + execution.getVariable("postmortemReviewer");
        }

        public String subject(DelegateExecution execution) {
            return "Postmortem review " + execution.getProcessBusinessKey();
        }

        public String text(DelegateExecution execution) {
            return "Meeting at " + execution.getVariable("meetingAt");
        }

        public String calendar(DelegateExecution execution) {
            return "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
        }
    }
}
