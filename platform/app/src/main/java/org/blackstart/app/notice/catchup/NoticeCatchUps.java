package org.blackstart.app.notice.catchup;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.blackstart.app.notice.JdbcNoticeAudience;
import org.blackstart.app.notice.NoticeChannel;
import org.blackstart.app.notice.NoticeProperties;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code noticeCatchUps} in BPMN ({@code notice-catchup}): what a catch-up offers (the incident's latest notice
 * that went out, and who missed it by e-mail), the agent's decision, checked when the task completes, and the
 * send, which {@code notice.email} makes through the delivery ledger under its own step ({@code catchup-<notice>}),
 * so that a retry, a crash or a second catch-up never mails anyone the same notice twice.
 */
@Component("noticeCatchUps")
public class NoticeCatchUps {

    static final String PROCESS = "notice-catchup";
    static final String NOTICE = "catchUpNotice";
    static final String COUNT = "catchUpCount";
    static final String SUBJECT = "catchUpSubject";
    static final String TEXT = "catchUpText";
    static final String SAMPLE = "catchUpSample";
    static final String DECISION = "catchUpDecision";
    static final String REASON = "catchUpHoldReason";
    static final String DECIDED_BY = "catchUpDecidedBy";

    /** What a catch-up would send now: the latest notice out, and the recipients owed it. */
    record Plan(String incidentKey, SentNotices.Notice notice, List<NoticeRecipient> owed) {
    }

    private final SkippedRecipients skipped;
    private final SentNotices notices;
    private final CatchUpDecisions decisions;
    private final JdbcNoticeAudience audience;
    private final NoticeProperties noticeProperties;
    private final CatchUpProperties properties;
    private final Clock clock;

    NoticeCatchUps(SkippedRecipients skipped, SentNotices notices, CatchUpDecisions decisions, JdbcNoticeAudience audience,
                   NoticeProperties noticeProperties, CatchUpProperties properties, Clock clock) {
        this.skipped = skipped;
        this.notices = notices;
        this.decisions = decisions;
        this.audience = audience;
        this.noticeProperties = noticeProperties;
        this.properties = properties;
        this.clock = clock;
    }

    /** The catch-up the incident needs now; empty when no notice with words went out. */
    Optional<Plan> plan(String incidentKey) {
        return notices.latest(incidentKey).map(latest -> new Plan(incidentKey, latest, OwedRecipients.of(
                skipped.of(incidentKey), notices.released(incidentKey), notices.emailed(incidentKey), latest)));
    }

    /** The variables a catch-up starts with: what the agent's task shows. */
    Map<String, Object> startVariables(Plan plan) {
        SentNotices.Text text = plan.notice().text(noticeProperties.defaultLanguage(), noticeProperties.defaultLanguage());
        Map<String, Object> variables = new HashMap<>();
        variables.put(NOTICE, plan.notice().step());
        variables.put(COUNT, plan.owed().size());
        variables.put(SUBJECT, text.subject() == null ? "" : text.subject());
        variables.put(TEXT, text.body());
        variables.put(SAMPLE, sample(plan.owed()));
        return variables;
    }

    /** On completion of {@code ApproveCatchUp}: a decision, a reason for a hold, and who decided. */
    public void decided(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        if (!CatchUpDecisions.APPROVE.equals(decision) && !CatchUpDecisions.HOLD.equals(decision)) {
            throw new BadUserRequestException("Choose a decision: send the catch-up now, or hold it.");
        }
        String reason = text(task, REASON).strip();
        if (CatchUpDecisions.HOLD.equals(decision) && reason.isEmpty()) {
            throw new BadUserRequestException("Say why you hold the catch-up: the customers who missed the notice "
                    + "stay uninformed until someone sends it.");
        }
        String incident = task.getExecution().getProcessBusinessKey();
        int owed = plan(incident).map(p -> p.owed().size()).orElse(0);
        String by = decidedBy(task);
        task.setVariable(COUNT, owed);
        task.setVariable(DECIDED_BY, by);
        decisions.record(incident, text(task, NOTICE), decision.toString(), owed, by,
                CatchUpDecisions.HOLD.equals(decision) ? reason : null, clock.instant());
    }

    /** The timeline line of the agent's decision. */
    public String decisionLine(DelegateExecution execution) {
        String by = text(execution, DECIDED_BY);
        if (CatchUpDecisions.HOLD.equals(execution.getVariable(DECISION))) {
            return "Catch-up held by " + by + ": " + text(execution, REASON).strip();
        }
        return "Catch-up approved by " + by + ": " + customers(number(execution, COUNT));
    }

    /**
     * Before the send: the latest notice out and who is owed it, again, since the task may have waited while a
     * newer notice went out; fixed as the audience of the catch-up's own ledger step.
     */
    public void prepare(DelegateExecution execution) {
        String incident = execution.getProcessBusinessKey();
        Plan plan = plan(incident).orElseThrow(() -> new IllegalStateException(incident + " has no notice to catch up with"));
        String step = SentNotices.CATCH_UP_PREFIX + plan.notice().step();
        audience.fix(incident, step, plan.owed().stream()
                .map(r -> new JdbcNoticeAudience.Entry(NoticeChannel.EMAIL.code(), r)).toList());
        execution.setVariable(NOTICE, plan.notice().step());
        execution.setVariable(COUNT, plan.owed().size());
        execution.setVariable(CustomerNotice.Variables.STEP, step);
        execution.setVariable(CustomerNotice.Variables.PHASE, plan.notice().phase());
        execution.setVariable(CustomerNotice.Variables.LANGUAGE, noticeProperties.defaultLanguage());
        for (SentNotices.Text text : plan.notice().texts()) {
            execution.setVariable(CustomerNotice.Variables.text(text.language(), CustomerNotice.TextPart.SUBJECT),
                    text.subject() == null ? "" : text.subject());
            execution.setVariable(CustomerNotice.Variables.text(text.language(), CustomerNotice.TextPart.TEXT), text.body());
        }
    }

    /** The timeline line of the send, as the ledger has it: every attempt's deliveries together. */
    public String sentLine(DelegateExecution execution) {
        long[] outcome = notices.outcome(execution.getProcessBusinessKey(), text(execution, CustomerNotice.Variables.STEP));
        return "Catch-up sent: " + outcome[0] + " delivered, " + outcome[1] + " failed";
    }

    /** The timeline line when mail failed again during the catch-up. */
    public String waitingLine(DelegateExecution execution) {
        return "Catch-up waits: e-mail is unavailable again (" + text(execution, "catchUpError")
                + "); it resumes when mail is back, sending only to those not reached yet";
    }

    /** The timer of {@code WaitForMail}, as an ISO-8601 duration. */
    public String retryWait() {
        return properties.retryWait().toString();
    }

    private String sample(List<NoticeRecipient> owed) {
        String names = owed.stream().limit(properties.sample())
                .map(r -> r.name() == null || r.name().isBlank() ? r.address() : r.name() + " <" + r.address() + ">")
                .collect(Collectors.joining(", "));
        return owed.size() > properties.sample() ? names + " and " + (owed.size() - properties.sample()) + " more" : names;
    }

    private static String decidedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? "platform" : current.getUserId();
    }

    private static String customers(long count) {
        return count + (count == 1 ? " customer" : " customers");
    }

    private static long number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? "" : value.toString();
    }
}
