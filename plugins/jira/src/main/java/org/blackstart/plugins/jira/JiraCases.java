package org.blackstart.plugins.jira;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskResult;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;

/**
 * Opens, updates and closes vendor cases on Jira Service Management effectively once. Each step is
 * claimed in the delivery ledger under {@link VendorCase#deliveryKey()}. Every request and comment
 * carries a short reference derived from that key, so that a retry after a crash between Jira's
 * answer and the ledger's mark finds what the first attempt made instead of making it twice.
 */
final class JiraCases {

    static final String SYSTEM = "jira";
    static final int SUMMARY_LIMIT = 255;
    static final int DESCRIPTION_LIMIT = 32_767;

    private final Map<String, JiraServiceDesk> desks;
    private final DeliveryLedger ledger;
    private final CaseEvidence evidence;
    private final JiraProperties properties;

    JiraCases(Map<String, JiraServiceDesk> desks, DeliveryLedger ledger, CaseEvidence evidence, JiraProperties properties) {
        this.desks = desks;
        this.ledger = ledger;
        this.evidence = evidence;
        this.properties = properties;
    }

    /** The reference a step leaves in Jira: {@code bs-} and 16 hex digits of the delivery key's id. */
    static String reference(DeliveryKey key) {
        return "bs-" + key.id().substring(0, 16);
    }

    /** How a comment of ours ends; also how webhooks recognize our own comments coming back. */
    static String signature(String reference) {
        return "(ref " + reference + ")";
    }

    TaskResult open(VendorCase step) {
        JiraServiceDesk desk = desk(step);
        DeliveryKey key = step.deliveryKey();
        String reference = reference(key);
        return switch (ledger.claim(key, properties.claimLease())) {
            case ALREADY_SENT -> {
                JiraServiceDesk.Request request = ledger.sentReference(key).map(desk::get)
                        .or(() -> desk.findBySummary(reference))
                        .orElseThrow(() -> new JiraApiException("the ledger says case step " + step.step() + " of "
                                + step.incidentKey() + " was sent, but Jira account '" + desk.accountName()
                                + "' has no request with " + reference, 0));
                yield opened(request, true);
            }
            case IN_PROGRESS -> throw inProgress(step);
            case SEND -> sending(key, () -> {
                EvidenceBundle bundle = evidence.forStep(step);
                Optional<JiraServiceDesk.Request> existing = desk.findBySummary(reference);
                JiraServiceDesk.Request request = existing.orElseGet(() ->
                        desk.create(summary(step, reference), description(bundle.describe(step.text()))));
                attachMissing(desk, request.issueKey(), bundle.attachments(), existing.isPresent());
                ledger.markSent(key, request.issueKey());
                return opened(request, existing.isPresent());
            });
        };
    }

    TaskResult update(VendorCase step) {
        JiraServiceDesk desk = desk(step);
        String issueKey = requireCase(step);
        DeliveryKey key = step.deliveryKey();
        String reference = reference(key);
        return switch (ledger.claim(key, properties.claimLease())) {
            case ALREADY_SENT -> alreadySent(true);
            case IN_PROGRESS -> throw inProgress(step);
            case SEND -> sending(key, () -> {
                if (step.step().startsWith("priority-")) {
                    // Setting a priority twice is harmless, so it needs no reference of its own.
                    desk.setPriority(issueKey, desk.account().priorityName(step.priority()));
                }
                EvidenceBundle bundle = evidence.forStep(step);
                boolean posted = commentOnce(desk, issueKey, description(bundle.describe(step.text())), reference);
                attachMissing(desk, issueKey, bundle.attachments(), true);
                ledger.markSent(key, issueKey);
                return alreadySent(!posted);
            });
        };
    }

    TaskResult close(VendorCase step) {
        JiraServiceDesk desk = desk(step);
        String issueKey = requireCase(step);
        DeliveryKey key = step.deliveryKey();
        String reference = reference(key);
        return switch (ledger.claim(key, properties.claimLease())) {
            case ALREADY_SENT -> alreadySent(true);
            case IN_PROGRESS -> throw inProgress(step);
            case SEND -> sending(key, () -> {
                if (desk.isDone(issueKey)) {
                    ledger.markSent(key, issueKey);
                    return alreadySent(true);
                }
                commentOnce(desk, issueKey, "Incident " + step.incidentKey() + " is closed on our side; "
                        + "we close this request. Thank you.", reference);
                desk.transition(issueKey, closeTransition(desk, issueKey));
                ledger.markSent(key, issueKey);
                return alreadySent(false);
            });
        };
    }

    private JiraServiceDesk desk(VendorCase step) {
        JiraServiceDesk desk = desks.get(step.account());
        if (desk == null) {
            throw new BusinessFailure(VendorCase.CASE_REFUSED, "no Jira account '" + step.account()
                    + "' is configured (" + JiraProperties.PREFIX + ".accounts." + step.account() + ") for vendor "
                    + step.vendor());
        }
        return desk;
    }

    private static String requireCase(VendorCase step) {
        if (step.caseNumber() == null || step.caseNumber().isBlank()) {
            throw new IllegalArgumentException("case step " + step.step() + " of " + step.incidentKey() + " for vendor "
                    + step.vendor() + " has no vendorCaseNumber; the case must be opened first");
        }
        return step.caseNumber().strip();
    }

    private TaskResult sending(DeliveryKey key, Supplier<TaskResult> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            // Whatever failed, the retry must be free to look again: give the claim back at once.
            ledger.release(key, e.getClass().getSimpleName());
            throw e;
        }
    }

    /** Posts {@code text} with the step's reference unless a comment with it is there already; true if posted. */
    private static boolean commentOnce(JiraServiceDesk desk, String issueKey, String text, String reference) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String signature = signature(reference);
        if (desk.comments(issueKey).stream().anyMatch(comment -> comment.body().contains(signature))) {
            return false;
        }
        desk.comment(issueKey, text.strip() + "\n\n" + signature);
        return true;
    }

    private static void attachMissing(JiraServiceDesk desk, String issueKey, List<VendorAttachment> files, boolean checkFirst) {
        if (files.isEmpty()) {
            return;
        }
        Set<String> present = checkFirst ? desk.attachmentNames(issueKey) : Set.of();
        desk.attach(issueKey, files.stream().filter(file -> !present.contains(file.fileName())).toList());
    }

    private static JiraServiceDesk.Transition closeTransition(JiraServiceDesk desk, String issueKey) {
        List<JiraServiceDesk.Transition> offered = desk.transitions(issueKey);
        for (String wanted : desk.account().closeTransition()) {
            for (JiraServiceDesk.Transition transition : offered) {
                if (transition.name().equalsIgnoreCase(wanted) || transition.toStatus().equalsIgnoreCase(wanted)) {
                    return transition;
                }
            }
        }
        throw new JiraApiException("Jira account '" + desk.accountName() + "' offers no transition named "
                + String.join(" or ", desk.account().closeTransition()) + " on " + issueKey + " (it offers: "
                + String.join(", ", offered.stream().map(JiraServiceDesk.Transition::name).toList()) + "); set "
                + JiraProperties.PREFIX + ".accounts." + desk.accountName() + ".close-transition", 0);
    }

    /** Jira refuses summaries over 255 characters; the reference at the end must survive, so the subject is cut. */
    static String summary(VendorCase step, String reference) {
        String subject = step.subject().isBlank() ? step.incidentKey() + ": " + step.vendorName() + " escalation"
                : step.subject().strip().replaceAll("\\s+", " ");
        String suffix = " [" + reference + "]";
        int room = SUMMARY_LIMIT - suffix.length();
        return (subject.length() > room ? subject.substring(0, room - 3) + "..." : subject) + suffix;
    }

    /** Jira refuses text fields over 32,767 characters; a long timeline is cut rather than the case refused. */
    static String description(String text) {
        if (text.length() <= DESCRIPTION_LIMIT) {
            return text;
        }
        String note = "\n\n[cut: the full evidence is longer than Jira accepts]";
        return text.substring(0, DESCRIPTION_LIMIT - note.length()) + note;
    }

    private static TaskResult opened(JiraServiceDesk.Request request, boolean alreadySent) {
        TaskResult result = TaskResult.of(VendorCase.Results.CASE_NUMBER, request.issueKey())
                .and(VendorCase.Results.CASE_ID, request.issueId())
                .and(VendorCase.Results.ALREADY_SENT, alreadySent);
        return request.webUrl() == null ? result : result.and(VendorCase.Results.CASE_URL, request.webUrl());
    }

    private static TaskResult alreadySent(boolean alreadySent) {
        return TaskResult.of(VendorCase.Results.ALREADY_SENT, alreadySent);
    }

    private RetryLater inProgress(VendorCase step) {
        return new RetryLater(properties.claimLease(), "another worker is sending case step " + step.step() + " of "
                + step.incidentKey() + " to " + step.vendor() + " right now");
    }
}
