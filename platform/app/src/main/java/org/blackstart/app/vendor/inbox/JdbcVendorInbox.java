package org.blackstart.app.vendor.inbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.blackstart.app.vendor.cases.VendorCaseRecord;
import org.blackstart.app.vendor.cases.VendorCaseStore;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vendor inbox in the database. A message is committed first ({@code RECEIVED}, with its files),
 * then delivered in a second transaction that moves it to {@code DELIVERED}; should the node stop in
 * between, {@link VendorRedelivery} delivers it later. A message for no known case, or an e-mail
 * whose sender may not speak for the case's vendor ({@link VendorMailSenders}), is parked: stored as
 * {@code PARKED} with the reason and a {@code vendor-parked-message} process started in the same
 * transaction, so a commander finds it in Tasklist. A parked message touches no case: nothing on the
 * timeline, no acknowledgement, no BPMN message.
 */
@Component
public class JdbcVendorInbox implements VendorInbox {

    static final String PARKED_PROCESS = "vendor-parked-message";
    static final String PARKED_KEY_PREFIX = "VENDOR-MSG-";

    private static final Logger log = LoggerFactory.getLogger(JdbcVendorInbox.class);

    private final VendorMessageStore messages;
    private final VendorCaseStore cases;
    private final VendorMessageDelivery delivery;
    private final VendorMailSenders senders;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcVendorInbox(VendorMessageStore messages, VendorCaseStore cases, VendorMessageDelivery delivery,
                    VendorMailSenders senders, RuntimeService runtime, TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.cases = cases;
        this.delivery = delivery;
        this.senders = senders;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome receive(VendorMessage message) {
        Stored stored;
        try {
            stored = transactions.execute(tx -> store(message));
        } catch (DuplicateKeyException seenBefore) {
            log.debug("vendor message {} of {} seen before", message.messageId(), message.system());
            return Outcome.DUPLICATE;
        }
        if (stored.parked()) {
            log.info("BLACKSTART-VENDOR-010 vendor message {} of {} parked for a person: {}", stored.id(), message.system(),
                    stored.parkedReason());
            return Outcome.PARKED;
        }
        try {
            deliver(stored.id());
        } catch (RuntimeException failed) {
            // Stored and committed: the redelivery sweep hands it over once the engine takes it.
            log.warn("vendor message {} stored, delivery failed and is retried later: {}", stored.id(), failed.toString());
        }
        return Outcome.DELIVERED;
    }

    private Stored store(VendorMessage message) {
        Optional<VendorCaseRecord> known = cases.find(message.system(), message.caseNumber());
        String reason;
        if (known.isPresent()) {
            VendorCaseRecord vendorCase = known.get();
            Optional<String> refused = senders.refusal(message, vendorCase);
            if (refused.isEmpty()) {
                long id = messages.insert(message, VendorMessageRecord.RECEIVED, vendorCase.caseNumber(),
                        vendorCase.incidentKey(), vendorCase.vendor(), clock.instant());
                return new Stored(id, null);
            }
            reason = refused.get();
        } else {
            reason = message.caseNumber() == null ? "the message names no case number"
                    : "no " + message.system() + " case " + message.caseNumber() + " was opened here";
        }
        // The case number stays as the message claimed it, for the person filing it; no incident or vendor.
        long id = messages.insert(message, VendorMessageRecord.PARKED, message.caseNumber(), null, null, reason, clock.instant());
        Map<String, Object> variables = new HashMap<>();
        variables.put("vendorMessageId", id);
        variables.put("vendorSystem", message.system());
        // As stored (128 characters at most): the task's name quotes it, and the engine keeps names of 255.
        variables.put("caseNumber", message.caseNumber() == null || message.caseNumber().length() <= 128
                ? message.caseNumber() : message.caseNumber().substring(0, 128));
        variables.put("vendorMessageAuthor", VendorMessageDelivery.forProcess(message.author(), id));
        variables.put("vendorMessageSubject", VendorMessageDelivery.forProcess(message.subject(), id));
        variables.put("vendorMessageText", VendorMessageDelivery.forProcess(message.text(), id));
        // The task's name says why it was parked (a stranger's mail, an unknown case); the engine keeps
        // names of 255 characters, the record and the API the whole reason.
        variables.put("vendorMessageParkedReason", reason.length() <= 200 ? reason : reason.substring(0, 200) + "…");
        runtime.startProcessInstanceByKey(PARKED_PROCESS, PARKED_KEY_PREFIX + id, variables);
        return new Stored(id, reason);
    }

    /**
     * Delivers a stored message once: true when this call delivered it, false when it was delivered
     * already (by another node, or an earlier sweep).
     */
    public boolean deliver(long id) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!messages.move(id, VendorMessageRecord.RECEIVED, VendorMessageRecord.DELIVERED)) {
                return false;
            }
            VendorMessageRecord message = messages.find(id).orElseThrow();
            VendorCaseRecord vendorCase = cases.find(message.system(), message.caseNumber()).orElseThrow(() ->
                    new IllegalStateException("vendor message " + id + " names case " + message.caseNumber()
                            + " of " + message.system() + ", which is no longer registered"));
            delivery.deliver(message, vendorCase, null);
            return true;
        }));
    }

    /** @param parkedReason why it was parked; {@code null} when it found its case */
    private record Stored(long id, String parkedReason) {
        boolean parked() {
            return parkedReason != null;
        }
    }
}
