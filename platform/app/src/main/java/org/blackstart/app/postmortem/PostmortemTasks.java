package org.blackstart.app.postmortem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code postmortemTasks} in BPMN: keeps {@code bs_postmortem} in step with the process, and checks what the author
 * and the reviewer decide when they complete their task ({@link PostmortemWritten}, {@link PostmortemReviewed}), so a
 * mistake is a message on the form (HTTP 400) and changes nothing.
 */
@Component("postmortemTasks")
public class PostmortemTasks {

    private static final Logger LOG = LoggerFactory.getLogger(PostmortemTasks.class);
    static final String AUTHOR = "postmortemAuthor";
    static final String REVIEWER = "postmortemReviewer";
    static final String VERDICT = "postmortemVerdict";
    static final int SECTION_LIMIT = 4000;

    private final Postmortems postmortems;
    private final PostmortemStore store;
    private final PostmortemPeople people;
    private final Timeline timeline;
    private final Clock clock;

    public PostmortemTasks(Postmortems postmortems, PostmortemStore store, PostmortemPeople people, Timeline timeline,
                           Clock clock) {
        this.postmortems = postmortems;
        this.store = store;
        this.people = people;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** When the write task is created (again): the draft from what was recorded by now, and a form without last round's verdict. */
    public void writing(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        PostmortemFacts facts = postmortems.refresh(key);
        task.setVariable("incidentKey", key);
        task.setVariable("postmortemDraftUrl", postmortems.links(key, PostmortemStore.DRAFT).page());
        task.removeVariable(VERDICT);
        if (task.getVariable("summary") == null && facts.incident().summary() != null) {
            // A start for the author: the summary given when the incident was declared.
            task.setVariable("summary", facts.incident().summary());
        }
    }

    /** After the write task, in its completion's transaction ({@code postmortemWritten}). */
    void written(DelegateExecution task) {
        String key = task.getProcessBusinessKey();
        String author = currentUser(task);
        String reviewer = text(task, "reviewer").strip();
        List<String> problems = new ArrayList<>();
        if (reviewer.isEmpty()) {
            problems.add("name a reviewer: the user id of another incident commander");
        } else if (reviewer.equals(author)) {
            problems.add("choose a reviewer other than yourself: a second commander reviews the postmortem");
        } else if (!people.isCommander(reviewer)) {
            problems.add("the reviewer '" + printable(reviewer) + "' is not an incident commander");
        }
        PostmortemRecord.Sections sections = new PostmortemRecord.Sections(section(task, "summary", problems),
                section(task, "trigger", problems), section(task, "contributingFactors", problems),
                section(task, "wentWell", problems), section(task, "wentWrong", problems), section(task, "gotLucky", problems),
                section(task, "customerSummary", problems), section(task, "customerChanges", problems));
        for (String required : List.of("summary", "trigger", "contributingFactors", "customerSummary", "customerChanges")) {
            if (text(task, required).isBlank()) {
                problems.add(required + " is required");
            }
        }
        Instant meeting = meetingAt(task, problems);
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException("reviewer",
                    "The postmortem cannot go to review yet: " + String.join("; ", problems) + ".");
        }
        Instant now = clock.instant();
        store.written(key, author, reviewer, sections, meeting, now);
        task.setVariable(AUTHOR, author);
        task.setVariable(REVIEWER, reviewer);
        task.setVariable(PostmortemMeeting.START, Date.from(meeting));
        timeline.record(key, TimelineKind.POSTMORTEM, "WritePostmortem", "Write the postmortem", author,
                "postmortem written by " + author + "; in review by " + reviewer);
        LOG.info("BLACKSTART-POSTMORTEM-004 postmortem of {} written by {}, in review by {}", key, author, reviewer);
    }

    /** After the review task, in its completion's transaction ({@code postmortemReviewed}). */
    void reviewed(DelegateExecution task) {
        String key = task.getProcessBusinessKey();
        String reviewer = currentUser(task);
        Object verdict = task.getVariable(VERDICT);
        String comments = text(task, "reviewComments").strip();
        if (!"approve".equals(verdict) && !"changes".equals(verdict)) {
            throw new FormFieldValidationException(VERDICT, "Choose a verdict: approve the postmortem, or ask for changes.");
        }
        if (reviewer.equals(text(task, AUTHOR))) {
            throw new FormFieldValidationException(VERDICT, "The author cannot review their own postmortem; the reviewer is "
                    + text(task, REVIEWER) + ".");
        }
        if ("changes".equals(verdict) && comments.isEmpty()) {
            throw new FormFieldValidationException("reviewComments", "Say what should change when you ask for changes.");
        }
        if (comments.length() > SECTION_LIMIT) {
            throw new FormFieldValidationException("reviewComments", "The comments are " + comments.length()
                    + " characters; at most " + SECTION_LIMIT + " are kept.");
        }
        if ("approve".equals(verdict)) {
            // The draft as approved is what the report and the exports show from now on.
            postmortems.refresh(key);
        }
        store.reviewed(key, reviewer, verdict.toString(), comments.isEmpty() ? null : comments, clock.instant());
        timeline.record(key, TimelineKind.POSTMORTEM, "ReviewPostmortem", "Review the postmortem", reviewer,
                "approve".equals(verdict) ? "postmortem approved by " + reviewer
                        : "postmortem returned to " + text(task, AUTHOR) + " by " + reviewer + ": " + comments);
    }

    public void published(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        store.published(key, clock.instant());
        timeline.record(key, TimelineKind.POSTMORTEM, execution.getCurrentActivityId(), "Publish the postmortem", "system",
                "postmortem published: " + postmortems.reportUrl(key));
        LOG.info("BLACKSTART-POSTMORTEM-005 postmortem of {} published", key);
    }

    private static String section(DelegateExecution task, String name, List<String> problems) {
        String value = text(task, name).strip();
        if (value.length() > SECTION_LIMIT) {
            problems.add(name + " is " + value.length() + " characters; at most " + SECTION_LIMIT + " are kept");
        }
        return value.isEmpty() ? null : value;
    }

    /**
     * The meeting time from the form (form-js writes UTC as {@code 2026-12-10T10:00Z}); without one, the meeting's
     * due time.
     */
    private Instant meetingAt(DelegateExecution task, List<String> problems) {
        String value = text(task, "meetingAt").strip();
        if (value.isEmpty()) {
            Object due = task.getVariable(PostmortemMeeting.DUE);
            return due instanceof Date date ? date.toInstant() : clock.instant();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                problems.add("meetingAt must be a date and time such as 2026-12-10T10:00Z");
                return null;
            }
        }
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }

    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }

    private static String text(org.camunda.bpm.engine.delegate.VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value == null ? "" : value.toString();
    }
}
