package org.blackstart.plugins.twilio;

import java.util.List;
import org.blackstart.spi.ChannelUnavailable;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.NoticeAudience;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TaskResult;

/**
 * {@code notice.sms}: texts a customer notice to each recipient of its SMS audience, in the
 * recipient's language, through the same Messages API as {@code page.sms}; each text claimed in the
 * ledger first. A text of several segments goes as one message (Twilio and the phone join the
 * parts); the result reports what it cost. A number Twilio refuses for good (invalid, not a mobile,
 * unsubscribed) is recorded as refused and the others go on.
 */
public class SmsNotices {

    static final String CHANNEL = "sms";
    /** Result variable: SMS segments the texts sent now took, as operators bill them. */
    public static final String RESULT_SEGMENTS = "smsSegments";
    /** Result variable: recipients whose number cannot receive a text, recorded in the ledger as released. */
    public static final String RESULT_REFUSED = "smsRefused";

    private static final int PAGE = 1000;

    private final DeliveryLedger ledger;
    private final NoticeAudience audience;
    private final TwilioProperties properties;
    private final TwilioApi api;

    SmsNotices(DeliveryLedger ledger, NoticeAudience audience, TwilioProperties properties, TwilioApi api) {
        this.ledger = ledger;
        this.audience = audience;
        this.properties = properties;
        this.api = api;
    }

    public TaskResult send(CustomerNotice notice, TaskContext task) {
        int attempt = task == null ? 1 : task.attempt();
        Tally tally = new Tally();
        String after = null;
        List<NoticeRecipient> page;
        do {
            page = audience.page(notice.incidentKey(), notice.step(), CHANNEL, after, PAGE);
            for (NoticeRecipient recipient : page) {
                deliver(notice, recipient, attempt, tally);
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).address();
        } while (page.size() == PAGE);
        return TaskResult.of(CustomerNotice.Results.SENT, tally.sent)
                .and(CustomerNotice.Results.ALREADY_SENT, tally.alreadySent)
                .and(RESULT_SEGMENTS, tally.segments)
                .and(RESULT_REFUSED, tally.refused);
    }

    private void deliver(CustomerNotice notice, NoticeRecipient recipient, int attempt, Tally tally) {
        DeliveryKey key = DeliveryKey.of(notice, CHANNEL, recipient.address());
        switch (ledger.claim(key, properties.claimLease())) {
            case ALREADY_SENT -> tally.alreadySent++;
            case IN_PROGRESS -> throw new RetryLater(properties.claimLease(), "another worker is texting notice '"
                    + notice.step() + "' of " + notice.incidentKey() + " right now");
            case SEND -> {
                String text = notice.text(recipient.language()).sms().strip();
                String number = recipient.address().strip();
                if (!number.matches(TwilioProperties.E164)) {
                    ledger.release(key, "refused: '" + number + "' is not an E.164 phone number");
                    tally.refused++;
                    return;
                }
                if (text.isEmpty()) {
                    ledger.release(key, "refused: the notice has no SMS text in " + recipient.language()
                            + " nor in " + notice.language());
                    tally.refused++;
                    return;
                }
                String sid;
                try {
                    sid = api.sendMessage(number, text);
                } catch (TwilioApiException e) {
                    if (e.recipientUndeliverable()) {
                        ledger.release(key, "refused: " + e.getMessage());
                        tally.refused++;
                        return;
                    }
                    ledger.release(key, e.getMessage());
                    throw failure(e, attempt);
                } catch (RuntimeException e) {
                    ledger.release(key, e.getClass().getSimpleName());
                    throw e;
                }
                ledger.markSent(key, sid);
                tally.sent++;
                tally.segments += org.blackstart.spi.text.SmsText.of(text).segments();
            }
        }
    }

    private RuntimeException failure(TwilioApiException e, int attempt) {
        if (e.httpStatus() == 429 && e.retryAfter() != null) {
            // Texts already sent stay sent in the ledger; the retry goes on with the rest.
            return new RetryLater(e.retryAfter(), e.getMessage());
        }
        boolean unavailable = e.httpStatus() == 0 || e.httpStatus() >= 500;
        if (unavailable && attempt >= properties.unavailableAfterAttempts()) {
            return new ChannelUnavailable("Twilio is unavailable after " + attempt + " attempts: " + e.getMessage());
        }
        return e;
    }

    private static final class Tally {
        int sent;
        int alreadySent;
        int segments;
        int refused;
    }
}
