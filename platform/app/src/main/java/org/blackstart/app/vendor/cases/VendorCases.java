package org.blackstart.app.vendor.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.vendor.VendorCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code vendorCases}: what the vendor-escalation process tells the platform about its case, as
 * execution listeners in the engine's transaction. Each keeps {@code bs_vendor_case} current and
 * writes one line on the incident's timeline, so the case's story reads without opening Cockpit.
 */
@Component("vendorCases")
public class VendorCases {

    private static final Logger log = LoggerFactory.getLogger(VendorCases.class);

    /** Variables of the escalation beyond those of {@link VendorCase.Variables}. */
    static final String CASE_URL = VendorCase.Results.CASE_URL;
    static final String ACK_SLA = "ackSla";
    static final String DUTY_MANAGER_PHONE = "dutyManagerPhone";
    static final String DISPUTE_OUTCOME = "disputeOutcome";
    static final String DISPUTE_NOTE = "disputeNote";
    static final String MESSAGE_ID = "vendorMessageId";
    static final String KEEP = "keepVendorCase";
    static final String KEEP_REASON = "keepVendorCaseReason";
    private static final int KEEP_REASON_LIMIT = 1000;

    private final VendorCaseStore cases;
    private final Timeline timeline;
    private final Clock clock;

    public VendorCases(VendorCaseStore cases, Timeline timeline, Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** After {@code vendor.case.open} completed: the case exists at the vendor. */
    public void opened(DelegateExecution execution) {
        String incident = execution.getProcessBusinessKey();
        String vendor = text(execution, VendorCase.Variables.VENDOR);
        String system = text(execution, VendorCase.Variables.SYSTEM);
        String number = text(execution, VendorCase.Variables.CASE_NUMBER);
        if (number == null || system == null) {
            throw new IllegalStateException("vendor.case.open completed without " + VendorCase.Variables.CASE_NUMBER
                    + " or " + VendorCase.Variables.SYSTEM + " on " + incident);
        }
        Integer priority = priority(execution.getVariable(VendorCase.Variables.PRIORITY));
        cases.register(incident, vendor, system, accountOf(execution, vendor), number,
                text(execution, VendorCase.Variables.CASE_ID), text(execution, CASE_URL), execution.getProcessInstanceId(),
                priority, clock.instant());
        timeline.record(incident, TimelineKind.VENDORS, execution.getCurrentActivityId(), "Vendor case opened", system,
                vendor + " case " + number + " opened" + (priority == null ? "" : " (P" + priority + ")")
                        + ", acknowledge within " + HumanDuration.ofIso(text(execution, ACK_SLA)));
    }

    /** The acknowledgement timer fired: the vendor missed its response time. */
    public void slaBreached(DelegateExecution execution) {
        String incident = execution.getProcessBusinessKey();
        String vendor = text(execution, VendorCase.Variables.VENDOR);
        caseOf(execution).ifPresent(found -> cases.slaBreached(found.id(), clock.instant()));
        String phone = text(execution, DUTY_MANAGER_PHONE);
        timeline.record(incident, TimelineKind.VENDORS, execution.getCurrentActivityId(), "Vendor SLA breached", "system",
                vendor + " missed its response time (" + HumanDuration.ofIso(text(execution, ACK_SLA)) + "): priority raised"
                        + (phone == null ? ", no duty manager phone known" : ", duty manager called"));
    }

    /** After {@code vendor.case.close}: our side closed the case. */
    public void closed(DelegateExecution execution) {
        String incident = execution.getProcessBusinessKey();
        String vendor = text(execution, VendorCase.Variables.VENDOR);
        Optional<VendorCaseRecord> found = caseOf(execution);
        Instant now = clock.instant();
        found.ifPresent(c -> cases.closed(c.id(), now));
        String open = found.map(c -> " after " + HumanDuration.of(Duration.between(c.openedAt(), now))).orElse("");
        timeline.record(incident, TimelineKind.VENDORS, execution.getCurrentActivityId(), "Vendor case closed", "system",
                vendor + " case " + number(execution) + " closed" + open);
    }

    /**
     * After the KeepVendorCase task, in its completion's transaction: the commander's answer to "keep this
     * case open after the incident closes?". Checked here as well as on the form, since a completion
     * through the engine's REST API brings what it likes: no answer, or keeping without a reason, fails
     * the completion (the REST API answers 400) and the task stays open.
     */
    public void keepDecided(DelegateExecution execution) {
        String incident = execution.getProcessBusinessKey();
        String vendor = text(execution, VendorCase.Variables.VENDOR_NAME);
        String keep = text(execution, KEEP);
        String reason = text(execution, KEEP_REASON);
        if (!"keep".equals(keep) && !"close".equals(keep)) {
            throw new FormFieldValidationException(KEEP, "Choose whether to keep " + vendor + "'s case open or close it now.");
        }
        if ("keep".equals(keep) && reason == null) {
            throw new FormFieldValidationException(KEEP_REASON, "Say why " + vendor + "'s case stays open after the incident.");
        }
        if (reason != null && reason.length() > KEEP_REASON_LIMIT) {
            throw new FormFieldValidationException(KEEP_REASON, "The reason is " + reason.length() + " characters; at most "
                    + KEEP_REASON_LIMIT + " are kept.");
        }
        String actor = currentUser(execution);
        if ("keep".equals(keep)) {
            caseOf(execution).ifPresentOrElse(c -> cases.kept(c.id(), actor, reason),
                    () -> log.warn("BLACKSTART-VENDOR-020 case kept on {} for an unregistered case of {}", incident, vendor));
            timeline.record(incident, TimelineKind.VENDORS, execution.getCurrentActivityId(), "Vendor case kept", actor,
                    actor + " kept " + vendor + "'s case " + number(execution) + " open after the incident closed: " + reason);
            log.info("BLACKSTART-VENDOR-021 {}'s case {} of {} kept open after the incident closed, by {}", vendor,
                    number(execution), incident, actor);
        } else {
            timeline.record(incident, TimelineKind.VENDORS, execution.getCurrentActivityId(), "Vendor case not kept", actor,
                    actor + " closes " + vendor + "'s case " + number(execution) + " with the incident"
                            + (reason == null ? "" : ": " + reason));
        }
    }

    /** A commander settled a dispute: whose fault it was after all. */
    public void disputeSettled(DelegateExecution execution) {
        String incident = execution.getProcessBusinessKey();
        String vendor = text(execution, VendorCase.Variables.VENDOR);
        String outcome = text(execution, DISPUTE_OUTCOME);
        if (outcome == null) {
            throw new IllegalStateException("SettleDispute completed without " + DISPUTE_OUTCOME + " on " + incident);
        }
        String note = text(execution, DISPUTE_NOTE);
        String actor = currentUser(execution);
        Object messageId = execution.getVariable(MESSAGE_ID);
        caseOf(execution).ifPresentOrElse(
                c -> cases.disputeSettled(c.id(), messageId == null ? null : messageId.toString(), outcome, note, actor,
                        clock.instant()),
                () -> log.warn("dispute settled on {} for an unregistered case of {}", incident, vendor));
        timeline.record(incident, TimelineKind.VENDORS, execution.getCurrentActivityId(), "Vendor dispute settled", actor,
                vendor + " dispute on " + number(execution) + " settled: " + outcome
                        + (note == null ? "" : " (" + note + ")"));
    }

    private Optional<VendorCaseRecord> caseOf(DelegateExecution execution) {
        return cases.find(text(execution, VendorCase.Variables.SYSTEM), text(execution, VendorCase.Variables.CASE_NUMBER));
    }

    private static String number(DelegateExecution execution) {
        String number = text(execution, VendorCase.Variables.CASE_NUMBER);
        return number == null ? "(no number)" : number;
    }

    private static String accountOf(DelegateExecution execution, String vendor) {
        String account = text(execution, VendorCase.Variables.ACCOUNT);
        return account == null ? vendor : account;
    }

    private static Integer priority(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value != null && value.toString().strip().matches("[1-4]")) {
            return Integer.parseInt(value.toString().strip());
        }
        return null;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }
}
