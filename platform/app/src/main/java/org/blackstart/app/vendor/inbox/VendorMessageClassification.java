package org.blackstart.app.vendor.inbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.app.vendor.cases.VendorCaseRecord;
import org.blackstart.app.vendor.cases.VendorCaseStore;
import org.blackstart.spi.vendor.VendorMessage.Kind;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commander's word on what a vendor message is, when the keywords or the vendor's system got it
 * wrong: "This is not a fault of our array. The problem is in your configuration." taken as a reply is
 * marked a dispute, and the escalation opens the dispute. The new class is stored with the old one and
 * who changed it, goes on the timeline, and reaches the case's escalation as the BPMN message of that
 * class, all in one transaction: if the escalation cannot take it, nothing changes.
 */
@Component
public class VendorMessageClassification {

    private static final Logger log = LoggerFactory.getLogger(VendorMessageClassification.class);

    /** The classes a commander can give, as the API names them. */
    public enum Classification {
        DISPUTE(Kind.DISPUTE, "a dispute"), REQUEST(Kind.REQUEST, "a request"), FIX(Kind.RESOLVED, "a fix");

        final Kind kind;
        final String words;

        Classification(Kind kind, String words) {
            this.kind = kind;
            this.words = words;
        }

        public static Classification of(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** @param changed false when the message already had that class: nothing was done again */
    public record Outcome(VendorMessageRecord message, boolean changed) {
    }

    private final VendorMessageStore messages;
    private final VendorCaseStore cases;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VendorMessageClassification(VendorMessageStore messages, VendorCaseStore cases, Timeline timeline, RuntimeService runtime,
                                TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.cases = cases;
        this.timeline = timeline;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome reclassify(long id, Classification to, String user) {
        return transactions.execute(tx -> {
            VendorMessageRecord message = messages.find(id).orElseThrow(() -> VendorMessageProblem.notFound(id));
            if (to.kind.name().equals(message.kind())) {
                // Asked twice (a double click, two commanders agreeing): the first one did it.
                return new Outcome(message, false);
            }
            if (message.classifiedFrom() != null) {
                throw conflict("vendor message " + id + " was already marked " + words(message.kind()) + " by "
                        + message.classifiedBy() + " (it came in as " + words(message.classifiedFrom())
                        + "); a message is reclassified once");
            }
            if (!VendorMessageRecord.DELIVERED.equals(message.state()) && !VendorMessageRecord.FILED.equals(message.state())) {
                throw conflict("vendor message " + id + " is " + message.state().toLowerCase(Locale.ROOT)
                        + ", not delivered to a case; file a parked message under its case first");
            }
            VendorCaseRecord vendorCase = cases.find(message.system(), message.caseNumber())
                    .orElseThrow(() -> conflict("vendor message " + id + " names no case known here"));
            if (!VendorCaseRecord.OPEN.equals(vendorCase.state())) {
                throw conflict(vendorCase.vendor() + "'s case " + vendorCase.caseNumber() + " is closed; "
                        + "a message of a closed case is not reclassified");
            }
            if (!messages.reclassify(id, message.kind(), to.kind.name(), user, clock.instant())) {
                throw conflict("vendor message " + id + " was changed meanwhile; reload it");
            }
            VendorMessageRecord changed = messages.find(id).orElseThrow();
            timeline.record(vendorCase.incidentKey(), TimelineKind.VENDORS, null, "Vendor message reclassified", user,
                    user + " marked " + vendorCase.vendor() + "'s message " + id + " on " + vendorCase.caseNumber() + " as "
                            + to.words + " (was " + words(message.kind()) + ")");
            correlate(changed, vendorCase, to);
            log.info("BLACKSTART-VENDOR-022 vendor message {} on {} reclassified from {} to {} by {}", id,
                    vendorCase.caseNumber(), message.kind(), to.kind, user);
            return new Outcome(changed, true);
        });
    }

    private void correlate(VendorMessageRecord message, VendorCaseRecord vendorCase, Classification to) {
        if (vendorCase.processInstanceId() == null) {
            throw conflict(vendorCase.vendor() + "'s case " + vendorCase.caseNumber() + " has no escalation to tell");
        }
        Map<String, Object> variables = VendorMessageDelivery.variables(message);
        String name = VendorMessageDelivery.messageName(to.kind);
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(name)
                .processInstanceId(vendorCase.processInstanceId())
                .setVariablesToTriggeredScope(variables)
                .correlateAllWithResult();
        if (results.isEmpty()) {
            // Rolls back the new class and the timeline line with it.
            throw conflict(vendorCase.vendor() + "'s case " + vendorCase.caseNumber()
                    + " is not being worked (its escalation waits for no " + name + "); nothing was changed");
        }
    }

    private static String words(String kind) {
        return switch (kind) {
            case "DISPUTE" -> "a dispute";
            case "REQUEST" -> "a request";
            case "RESOLVED" -> "a fix";
            case "CLOSED" -> "a closure";
            case "ACKNOWLEDGED" -> "an acknowledgement";
            default -> "a reply";
        };
    }

    private static VendorMessageProblem conflict(String detail) {
        return new VendorMessageProblem(HttpStatus.CONFLICT, "Not reclassified", detail);
    }
}
