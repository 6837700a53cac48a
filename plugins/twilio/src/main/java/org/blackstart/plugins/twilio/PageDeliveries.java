package org.blackstart.plugins.twilio;

import java.util.function.Supplier;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.TaskResult;

/**
 * Places pages effectively once: checks the number, claims the page in the ledger, calls or texts
 * through Twilio, marks it sent with Twilio's SID. A retry of the same step skips what was sent; a
 * failure gives the claim back, so the retry pages at once.
 */
public class PageDeliveries {

    /** BPMN error code when a number cannot be paged (invalid, unreachable, not a mobile for a text). */
    public static final String PAGE_UNDELIVERABLE = "PAGE_UNDELIVERABLE";
    /** Result variable of {@code page.phone}: Twilio's Call SID. */
    public static final String RESULT_CALL_SID = "pageCallSid";
    /** Result variable of {@code page.sms}: Twilio's Message SID. */
    public static final String RESULT_MESSAGE_SID = "pageMessageSid";
    /** Result variable of both: {@code sent}, or {@code already-sent} when a retry found the page sent before. */
    public static final String RESULT_DELIVERY = "pageDelivery";

    static final String PHONE = "phone";
    static final String SMS = "sms";

    private final DeliveryLedger ledger;
    private final TwilioProperties properties;
    private final TwilioApi api;
    private final CallbackUrls callbacks;

    PageDeliveries(DeliveryLedger ledger, TwilioProperties properties, TwilioApi api) {
        this.ledger = ledger;
        this.properties = properties;
        this.api = api;
        this.callbacks = new CallbackUrls(properties);
    }

    public TaskResult call(PageRequest page) {
        requirePageable(page);
        if (!acknowledgeable(page)) {
            // An announcement, such as a vendor's duty manager told that their SLA was missed: nobody
            // acknowledges it in Blackstart, so there is no key to press and no call outcome to report.
            return deliver(page, PHONE, RESULT_CALL_SID, () -> api.placeCall(page.phone(),
                    VoicePrompts.announcement(properties, page), null, properties.ringTimeout()));
        }
        return deliver(page, PHONE, RESULT_CALL_SID, () -> api.placeCall(page.phone(),
                VoicePrompts.pageCall(properties, page, callbacks.gather(page)), callbacks.status(page),
                properties.ringTimeout()));
    }

    public TaskResult text(PageRequest page) {
        requirePageable(page);
        return deliver(page, SMS, RESULT_MESSAGE_SID, () -> api.sendMessage(page.phone(), SmsText.of(page)));
    }

    private TaskResult deliver(PageRequest page, String channel, String sidVariable, Supplier<String> send) {
        DeliveryKey key = new DeliveryKey(page.incidentKey(), page.step(), channel, page.recipient());
        return switch (ledger.claim(key, properties.claimLease())) {
            case SEND -> {
                String sid;
                try {
                    sid = send.get();
                } catch (TwilioApiException e) {
                    ledger.release(key, e.getMessage());
                    if (e.recipientUndeliverable()) {
                        throw new BusinessFailure(PAGE_UNDELIVERABLE, "cannot page " + page.recipient() + " at "
                                + page.phone() + " by " + channel + ": " + e.getMessage());
                    }
                    throw e;
                } catch (RuntimeException e) {
                    ledger.release(key, e.getClass().getSimpleName());
                    throw e;
                }
                ledger.markSent(key, sid);
                yield TaskResult.of(sidVariable, sid).and(RESULT_DELIVERY, "sent");
            }
            case ALREADY_SENT -> TaskResult.of(RESULT_DELIVERY, "already-sent");
            case IN_PROGRESS -> throw new PageInProgressException(page, channel);
        };
    }

    /** A page with an acknowledgement code asks for a key; one without only tells. */
    static boolean acknowledgeable(PageRequest page) {
        return page.ackCode() != null && !page.ackCode().isBlank();
    }

    private static void requirePageable(PageRequest page) {
        if (page.phone() == null || !page.phone().strip().matches(TwilioProperties.E164)) {
            throw new BusinessFailure(PAGE_UNDELIVERABLE, "cannot page " + page.recipient() + ": "
                    + (page.phone() == null || page.phone().isBlank() ? "no phone number"
                    : "'" + page.phone() + "' is not an E.164 phone number"));
        }

    }

    /** Another worker is placing the same page now; the task is retried after its lease. */
    static final class PageInProgressException extends RuntimeException {
        PageInProgressException(PageRequest page, String channel) {
            super("another worker is placing " + channel + " page " + page.step() + " of " + page.incidentKey()
                    + " to " + page.recipient() + " right now");
        }
    }
}
