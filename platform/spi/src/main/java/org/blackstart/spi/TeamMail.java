package org.blackstart.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A message to people of our own team, as {@link Topics#TEAM_MAIL} receives it: a review meeting's
 * invitation, an action item's reminder. The process names people by their Camunda user ids; the
 * platform looks up their addresses before the plugin sees the mail, and names the ones it could not
 * reach in {@link #unreachable()} (a user without an e-mail address is a fact for the timeline, not a
 * reason to fail the task).
 *
 * <p>Everything here is already made safe to put in a message header: the subject is one line (a
 * CR or LF would let a process variable add headers such as {@code Bcc}) and every part is capped.
 *
 * @param incidentKey business key of the process that asked, usually the incident's
 * @param step        which mail of the process this is; with the incident, channel and recipient it forms
 *                    the delivery key, so a retried task never mails the same person twice. From
 *                    {@link Variables#STEP}, else the process instance and activity that asked
 * @param recipients  who receives it, each once, in the order the process named them
 * @param unreachable user ids the platform found no address for (unknown users included)
 * @param subject     one line, at most {@link #MAX_SUBJECT} characters
 * @param text        plain text, at most {@link #MAX_TEXT} characters
 * @param calendar    an iCalendar object ({@code METHOD:REQUEST}) sent as an invitation, or {@code null}
 */
public record TeamMail(String incidentKey, String step, List<Recipient> recipients, List<String> unreachable,
                       String subject, String text, String calendar) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_TEXT = 100_000;
    public static final int MAX_CALENDAR = 64_000;
    /** A team mail goes to a meeting's participants, not to a mailing list. */
    public static final int MAX_RECIPIENTS = 100;

    /** Process variable names of the team mail contract between BPMN and the {@code team.mail} topic. */
    public static final class Variables {
        /** Comma-separated Camunda user ids. */
        public static final String TO = "teamMailTo";
        public static final String SUBJECT = "teamMailSubject";
        public static final String TEXT = "teamMailText";
        /** Optional iCalendar text, sent as an {@code invite.ics} invitation. */
        public static final String CALENDAR = "teamMailCalendar";
        /** Optional: names the mail for the delivery key when one activity sends several (a loop). */
        public static final String STEP = "teamMailStep";

        private Variables() {
        }
    }

    /** What a {@code team.mail} task completes with. */
    public static final class Results {
        /** How many messages this task sent now. */
        public static final String SENT = "teamMailSent";
        /** How many were sent by an earlier attempt and skipped. */
        public static final String ALREADY_SENT = "teamMailAlreadySent";
        /** Comma-separated user ids that could not be mailed (no address, unknown, or refused by the server). */
        public static final String UNREACHABLE = "teamMailUnreachable";

        private Results() {
        }
    }

    /**
     * One person to mail.
     *
     * @param userId  the Camunda user id; with the step it keys the delivery
     * @param name    for the {@code To:} header, or {@code null}
     * @param address the e-mail address as the identity store holds it; the plugin parses it strictly
     */
    public record Recipient(String userId, String name, String address) {
        public Recipient {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(address, "address");
            name = name == null ? null : oneLine(name, MAX_SUBJECT);
        }
    }

    public TeamMail {
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(step, "step");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
        subject = oneLine(subject == null ? "" : subject, MAX_SUBJECT);
        text = text == null ? "" : cap(text, MAX_TEXT);
        if (calendar != null && calendar.isBlank()) {
            calendar = null;
        }
        if (calendar != null && calendar.length() > MAX_CALENDAR) {
            // A cut calendar is no calendar: refuse it rather than send an invitation nobody can open.
            throw new IllegalArgumentException("the calendar of team mail '" + step + "' of " + incidentKey + " has "
                    + calendar.length() + " characters, more than " + MAX_CALENDAR);
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("team mail '" + step + "' of " + incidentKey + " names "
                    + recipients.size() + " recipients, more than " + MAX_RECIPIENTS);
        }
    }

    /** The delivery key of this mail to {@code recipient} on {@code channel}. */
    public DeliveryKey deliveryKey(String channel, Recipient recipient) {
        return new DeliveryKey(incidentKey, step, channel, recipient.userId());
    }

    /** {@code " ann, bob ,,ann"} → {@code [ann, bob]}: trimmed, without blanks and repeats, in order. */
    public static List<String> userIds(String to) {
        if (to == null) {
            return List.of();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : to.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        return new ArrayList<>(ids);
    }

    /** The step a task's mail is known by: {@link Variables#STEP}, else its process instance and activity. */
    public static String stepOf(TaskContext task) {
        String step = task.string(Variables.STEP);
        if (step == null || step.isBlank()) {
            step = "team-mail:" + task.processInstanceId() + ":" + task.activityId();
        }
        // The ledger keeps 128 characters of a step; a longer one stays unique by its tail.
        return step.length() <= 128 ? step : step.substring(0, 64) + step.substring(step.length() - 64);
    }

    /** Reads the mail from the variables of a task, with the recipients the platform looked up. */
    public static TeamMail from(TaskContext task, List<Recipient> recipients, List<String> unreachable) {
        return new TeamMail(task.incidentKey() == null ? task.processInstanceId() : task.incidentKey(), stepOf(task),
                recipients, unreachable, task.string(Variables.SUBJECT), task.string(Variables.TEXT),
                task.string(Variables.CALENDAR));
    }

    /** {@code value} as one line of at most {@link #MAX_SUBJECT} characters; {@code null} becomes empty. */
    public static String oneLine(String value) {
        return value == null ? "" : oneLine(value, MAX_SUBJECT);
    }

    /** Control characters (CR, LF, tab, NUL) become spaces: a header value is one line. */
    static String oneLine(String value, int max) {
        StringBuilder line = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && line.length() < max; i++) {
            char c = value.charAt(i);
            line.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return line.toString().strip();
    }

    private static String cap(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
