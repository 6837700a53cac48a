package org.blackstart.app.vendor.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.app.vendor.cases.HumanDuration;
import org.blackstart.app.vendor.cases.VendorCaseClosing;
import org.blackstart.app.vendor.cases.VendorCaseRecord;
import org.blackstart.app.vendor.cases.VendorCaseStore;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.spi.vendor.VendorMessage.Kind;
import org.springframework.stereotype.Component;

/**
 * Puts a stored message on its incident's timeline and hands it to the case's escalation as BPMN
 * messages. Runs inside the caller's transaction, after the caller moved the message's row to its
 * delivered state: the timeline line, the acknowledgement and the correlations (the engine joins the
 * same transaction) commit together with that move, or not at all and the message is tried again.
 */
@Component
class VendorMessageDelivery {

    static final String ACKNOWLEDGED = "VendorAcknowledged";
    /** How much of a vendor's text the timeline line quotes. */
    private static final int QUOTE = 200;
    /** The engine keeps a text variable in a column of 4000 characters; a longer one fails the whole transaction. */
    private static final int PROCESS_TEXT = 4000;

    private final VendorCaseStore cases;
    private final VendorCaseClosing closing;
    private final Timeline timeline;
    private final ProducerTemplate camel;
    private final Clock clock;

    VendorMessageDelivery(VendorCaseStore cases, VendorCaseClosing closing, Timeline timeline, ProducerTemplate camel,
                          Clock clock) {
        this.cases = cases;
        this.closing = closing;
        this.timeline = timeline;
        this.camel = camel;
        this.clock = clock;
    }

    /**
     * @param filedBy who filed a parked message under the case, or {@code null} when it found its case itself
     */
    void deliver(VendorMessageRecord message, VendorCaseRecord vendorCase, String filedBy) {
        Kind kind = Kind.valueOf(message.kind());
        String author = message.author() == null || message.author().isBlank() ? vendorCase.vendor() : message.author();
        timeline.record(vendorCase.incidentKey(), TimelineKind.VENDORS, null, "Vendor message", author,
                line(message, vendorCase, kind, filedBy));

        Instant now = clock.instant();
        Map<String, Object> variables = variables(message);
        if (cases.acknowledge(vendorCase.id(), now)) {
            timeline.record(vendorCase.incidentKey(), TimelineKind.VENDORS, null, "Vendor acknowledged", author,
                    vendorCase.vendor() + " acknowledged " + vendorCase.caseNumber() + " after "
                            + HumanDuration.of(Duration.between(vendorCase.openedAt(), now)));
            // Without the message's variables: the escalation's AwaitAck runs in the instance's own scope,
            // where "local" would mean instance-wide and leave one message's text beside every other's.
            correlate(ACKNOWLEDGED, vendorCase, Map.of());
        }
        if (kind == Kind.CLOSED && vendorCase.keptAfterClose()) {
            // The incident is over and the vendor closed the case it was kept open for: nothing left to confirm.
            closing.closedByVendor(vendorCase);
            return;
        }
        String name = messageName(kind);
        if (name != null) {
            correlate(name, vendorCase, variables);
        }
    }

    /** The BPMN message for what the vendor did; {@code null} for an acknowledgement, which is sent once above. */
    static String messageName(Kind kind) {
        return switch (kind) {
            case ACKNOWLEDGED -> null;
            case REPLY -> "VendorReplied";
            case REQUEST -> "VendorRequested";
            case DISPUTE -> "VendorDisputed";
            case RESOLVED, CLOSED -> "VendorResolved";
        };
    }

    private void correlate(String messageName, VendorCaseRecord vendorCase, Map<String, Object> variables) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(BlackstartHeaders.CORRELATION_KEY, vendorCase.incidentKey());
        headers.put(BlackstartHeaders.CORRELATION_VARIABLES, Map.of(VendorCase.Variables.CASE_NUMBER, vendorCase.caseNumber()));
        headers.put(BlackstartHeaders.CORRELATION_LOCAL, true);
        // A copy per message: the correlation must not see another message's variables.
        camel.sendBodyAndHeaders("blackstart:message:" + messageName, new HashMap<>(variables), headers);
    }

    static Map<String, Object> variables(VendorMessageRecord message) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("vendorMessageId", message.id());
        variables.put("vendorMessageKind", message.kind());
        variables.put("vendorMessageAuthor", forProcess(message.author(), message.id()));
        variables.put("vendorMessageSubject", forProcess(message.subject(), message.id()));
        variables.put("vendorMessageText", forProcess(message.text(), message.id()));
        variables.put("vendorMessageFiles", message.files());
        return variables;
    }

    /**
     * A message's text as a process variable: whole when it fits the engine's column, else its start and
     * where the whole message is. A vendor's long mail must not keep its message from ever being delivered.
     */
    static String forProcess(String text, long messageId) {
        if (text == null || text.length() <= PROCESS_TEXT) {
            return text;
        }
        String rest = "… (cut; the whole message: GET /api/vendor-messages/" + messageId + ")";
        return text.substring(0, PROCESS_TEXT - rest.length()) + rest;
    }

    private static String line(VendorMessageRecord message, VendorCaseRecord vendorCase, Kind kind, String filedBy) {
        String vendor = vendorCase.vendor();
        String number = vendorCase.caseNumber();
        String head = switch (kind) {
            case ACKNOWLEDGED -> vendor + " took " + number + (message.status() == null ? "" : " (" + message.status() + ")");
            case REPLY -> vendor + " replied on " + number;
            case REQUEST -> vendor + " asks on " + number;
            case DISPUTE -> vendor + " disputes the fault on " + number;
            case RESOLVED -> vendor + " resolved " + number;
            case CLOSED -> vendor + " closed " + number;
        };
        String quote = quote(message.text() == null || message.text().isBlank() ? message.subject() : message.text());
        StringBuilder line = new StringBuilder(head);
        if (!quote.isEmpty()) {
            line.append(": ").append(quote);
        }
        if (message.files() > 0) {
            line.append(" (").append(message.files()).append(message.files() == 1 ? " file)" : " files)");
        }
        if (filedBy != null) {
            line.append(" [filed by ").append(filedBy).append(']');
        }
        return line.toString();
    }

    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= QUOTE ? flat : flat.substring(0, QUOTE - 1) + "…";
    }
}
