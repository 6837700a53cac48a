package org.blackstart.bpmn;

import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
        return fake;
    }

    public class Tasks {
        public void writing(DelegateTask task) {
            task.removeVariable("postmortemVerdict");
            lines.add("draft built");
        }

        public void written(DelegateTask task) {
            Object reviewer = task.getVariable("reviewer");
            if (reviewer == null || author.equals(reviewer)) {
                throw new BadUserRequestException("Choose a reviewer other than yourself.");
            }
            task.setVariable("postmortemReviewer", reviewer);
            task.setVariable("postmortemAuthor", author);
            lines.add("in-review by " + reviewer);
        }

        public void reviewed(DelegateTask task) {
            Object verdict = task.getVariable("postmortemVerdict");
            if (!"approve".equals(verdict) && !"changes".equals(verdict)) {
                throw new BadUserRequestException("Choose a verdict.");
            }
            lines.add(verdict + ": " + task.getVariable("reviewComments"));
        }

        public void published(DelegateExecution execution) {
            lines.add("published");
        }
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
