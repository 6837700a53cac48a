package org.blackstart.app.vendor.inbox;

import java.time.Clock;
import org.blackstart.app.vendor.cases.VendorCaseRecord;
import org.blackstart.app.vendor.cases.VendorCaseStore;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code vendorParkedMessages}: a person files a parked vendor message under a case, which delivers
 * it as if it had named the case itself (state {@code FILED}), or dismisses it with a reason
 * ({@code DISMISSED}). From Tasklist (the {@code vendor-parked-message} process calls
 * {@link #resolve}) or from the API, which then ends that process with {@code VendorMessageResolved}.
 */
@Component("vendorParkedMessages")
public class VendorParkedMessages {

    static final String RESOLVED_MESSAGE = "VendorMessageResolved";
    static final String FILE_UNDER = "fileUnderCase";
    static final String DISMISS_REASON = "dismissReason";

    private final VendorMessageStore messages;
    private final VendorCaseStore cases;
    private final VendorMessageDelivery delivery;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VendorParkedMessages(VendorMessageStore messages, VendorCaseStore cases, VendorMessageDelivery delivery,
                         RuntimeService runtime, TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.cases = cases;
        this.delivery = delivery;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * After the FileVendorMessage task: files or dismisses the message. A case number nobody knows
     * fails the task's completion with a message Tasklist shows, and the task stays open.
     */
    public void resolve(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("vendorMessageId")).longValue();
        String caseNumber = text(execution.getVariable(FILE_UNDER));
        String reason = text(execution.getVariable(DISMISS_REASON));
        String user = currentUser(execution);
        try {
            if (caseNumber != null) {
                file(id, caseNumber, user, false);
            } else if (reason != null) {
                dismiss(id, reason, user, false);
            } else {
                throw new ProcessEngineException("enter a case number to file the message under, or a reason to dismiss it");
            }
        } catch (VendorMessageProblem refused) {
            throw new ProcessEngineException(refused.getMessage(), refused);
        }
    }

    /** Files a parked message under {@code caseNumber} and delivers it to that case's escalation. */
    public VendorMessageRecord file(long id, String caseNumber, String user, boolean endProcess) {
        return transactions.execute(tx -> {
            VendorMessageRecord message = parked(id);
            VendorCaseRecord vendorCase = cases.find(message.system(), caseNumber.strip())
                    .orElseThrow(() -> VendorMessageProblem.unknownCase(message.system(), caseNumber.strip()));
            if (!messages.resolve(id, VendorMessageRecord.FILED, vendorCase.caseNumber(), vendorCase.incidentKey(),
                    vendorCase.vendor(), user, "filed under " + vendorCase.caseNumber(), clock.instant())) {
                throw VendorMessageProblem.notParked(message);
            }
            VendorMessageRecord filed = messages.find(id).orElseThrow();
            delivery.deliver(filed, vendorCase, user);
            if (endProcess) {
                endParkedProcess(id);
            }
            return filed;
        });
    }

    /** Dismisses a parked message: it stays stored, with who dismissed it and why. */
    public VendorMessageRecord dismiss(long id, String reason, String user, boolean endProcess) {
        return transactions.execute(tx -> {
            VendorMessageRecord message = parked(id);
            if (!messages.resolve(id, VendorMessageRecord.DISMISSED, null, null, null, user, reason.strip(), clock.instant())) {
                throw VendorMessageProblem.notParked(message);
            }
            if (endProcess) {
                endParkedProcess(id);
            }
            return messages.find(id).orElseThrow();
        });
    }

    private VendorMessageRecord parked(long id) {
        VendorMessageRecord message = messages.find(id).orElseThrow(() -> VendorMessageProblem.notFound(id));
        if (!VendorMessageRecord.PARKED.equals(message.state())) {
            throw VendorMessageProblem.notParked(message);
        }
        return message;
    }

    private void endParkedProcess(long id) {
        runtime.createMessageCorrelation(RESOLVED_MESSAGE)
                .processInstanceBusinessKey(JdbcVendorInbox.PARKED_KEY_PREFIX + id)
                .correlateAll();
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
