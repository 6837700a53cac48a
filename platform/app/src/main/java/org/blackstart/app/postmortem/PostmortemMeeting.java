package org.blackstart.app.postmortem;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.blackstart.app.statuspage.StatusPageProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code postmortemMeeting} in BPMN: when the review meeting is due, whether its invitation goes out (the first time a
 * meeting time is set, and again whenever it moves), and the invitation's mail for {@code team.mail}.
 * Uses the engine's clock, so that process tests which move it see the times they set.
 */
@Component("postmortemMeeting")
public class PostmortemMeeting {

    static final String DUE = "meetingDue";
    /** The meeting's start as the author set it, or the due time; a Date. */
    static final String START = "meetingStart";
    private static final String INVITED_FOR = "meetingInvitedFor";
    private static final String INVITATIONS = "meetingInvitations";

    private final PostmortemProperties properties;
    private final PostmortemPeople people;
    private final StatusPageProperties statusPage;
    private final Clock clock;

    public PostmortemMeeting(PostmortemProperties properties, PostmortemPeople people, StatusPageProperties statusPage,
                             Clock clock) {
        this.properties = properties;
        this.people = people;
        this.statusPage = statusPage;
        this.clock = clock;
    }

    /** At the start: the meeting task's due date, by the incident's severity. */
    public void scheduled(DelegateExecution execution) {
        Instant due = MeetingSchedule.due(variable(execution, "severity"), ClockUtil.getCurrentTime().toInstant(),
                clock.getZone(), properties);
        execution.setVariable(DUE, Date.from(due));
        execution.setVariable("meetingDueText", PostmortemMarkdown.time(due));
    }

    public boolean inviteNeeded(DelegateExecution execution) {
        Object start = execution.getVariable(START);
        if (start == null || start.equals(execution.getVariable(INVITED_FOR))) {
            return false;
        }
        execution.setVariable(INVITED_FOR, start);
        Object sent = execution.getVariable(INVITATIONS);
        execution.setVariable(INVITATIONS, sent instanceof Integer n ? n + 1 : 1);
        return true;
    }

    /** Comma-separated user ids, as {@code team.mail} takes them. */
    public String participants(DelegateExecution execution) {
        return String.join(",", participantIds(execution));
    }

    public String subject(DelegateExecution execution) {
        return "Postmortem review " + execution.getProcessBusinessKey() + ": " + variable(execution, "title") + " ("
                + PostmortemMarkdown.time(start(execution)) + ")";
    }

    public String text(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return "You are invited to the postmortem review of " + key + ": " + variable(execution, "title") + ".\n\n"
                + "When: " + PostmortemMarkdown.time(start(execution)) + " (" + properties.meetingLength().toMinutes()
                + " minutes)\n"
                + "Written by " + variable(execution, PostmortemTasks.AUTHOR) + ", reviewed by "
                + variable(execution, PostmortemTasks.REVIEWER) + ".\n\n"
                + "Read the postmortem and its draft before the meeting: " + pageUrl(key) + "\n\n"
                + "We look at systems and conditions, not at people: come with what you saw and what would have helped.";
    }

    public String calendar(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        Map<String, User> users = people.users(participantIds(execution)).stream()
                .collect(Collectors.toMap(User::getId, Function.identity()));
        List<MeetingInvitation.Person> attendees = new ArrayList<>();
        for (String id : participantIds(execution)) {
            User user = users.get(id);
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                attendees.add(new MeetingInvitation.Person(name(user), user.getEmail()));
            }
        }
        User author = users.get(variable(execution, PostmortemTasks.AUTHOR));
        MeetingInvitation.Person organizer = author != null && author.getEmail() != null && !author.getEmail().isBlank()
                ? new MeetingInvitation.Person(name(author), author.getEmail())
                : new MeetingInvitation.Person("Blackstart", properties.organizer());
        Instant start = start(execution);
        Object sequence = execution.getVariable(INVITATIONS);
        return new MeetingInvitation(key, domain(), sequence instanceof Integer n ? n - 1 : 0,
                ClockUtil.getCurrentTime().toInstant(), start, start.plus(properties.meetingLength()),
                "Postmortem review " + key + ": " + variable(execution, "title"), text(execution), pageUrl(key), organizer,
                attendees).text();
    }

    private List<String> participantIds(DelegateExecution execution) {
        return people.participants(execution.getProcessBusinessKey(), variable(execution, PostmortemTasks.AUTHOR),
                variable(execution, PostmortemTasks.REVIEWER));
    }

    private String pageUrl(String key) {
        return statusPage.url("/incidents/" + key + "/postmortem");
    }

    private String domain() {
        String host = URI.create(statusPage.url("/")).getHost();
        return host == null ? "blackstart" : host;
    }

    private static Instant start(DelegateExecution execution) {
        Object start = execution.getVariable(START);
        if (start instanceof Date date) {
            return date.toInstant();
        }
        return ((Date) execution.getVariable(DUE)).toInstant();
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? null : name;
    }

    private static String variable(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? "" : value.toString();
    }
}
