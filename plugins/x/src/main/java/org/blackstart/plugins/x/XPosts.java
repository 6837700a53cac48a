package org.blackstart.plugins.x;

import java.time.Clock;
import java.time.Duration;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.ChannelUnavailable;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TaskResult;
import org.blackstart.spi.text.PostLength;

/**
 * Posts a notice on X effectively once: claims (incident, step, "x", @account) in the ledger, posts,
 * marks it sent with the post's URL. X refuses a text the account posted before with 403 "duplicate
 * content": after a crash between X's acceptance and the ledger's mark, that refusal is the proof
 * the post exists, so it counts as sent.
 */
public class XPosts {

    static final String CHANNEL = "x";
    /** BPMN error code when X cannot take this post as it is (empty, too long). */
    public static final String NOTICE_REFUSED = "NOTICE_REFUSED";
    /** The ledger's reference of a post X reported as a duplicate: it exists, its id is unknown. */
    static final String ALREADY_POSTED = "already posted";

    private final DeliveryLedger ledger;
    private final XProperties properties;
    private final XApi api;
    private final Clock clock;

    XPosts(DeliveryLedger ledger, XProperties properties, XApi api, Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.api = api;
        this.clock = clock;
    }

    public TaskResult post(CustomerNotice notice, TaskContext task) {
        String text = notice.post(CHANNEL).strip();
        requirePostable(notice, text);
        DeliveryKey key = DeliveryKey.of(notice, CHANNEL, "@" + properties.account());
        return switch (ledger.claim(key, properties.claimLease())) {
            case SEND -> send(key, text, task == null ? 1 : task.attempt());
            case ALREADY_SENT -> result(0, 1, null);
            case IN_PROGRESS -> throw new RetryLater(properties.claimLease(), "another worker is posting notice '"
                    + notice.step() + "' of " + notice.incidentKey() + " on X right now");
        };
    }

    private TaskResult send(DeliveryKey key, String text, int attempt) {
        XApi.Posted posted;
        try {
            posted = api.post(text);
        } catch (XApiException e) {
            ledger.release(key, e.getMessage());
            if (e.rateLimitReset() != null) {
                throw new RetryLater(Duration.between(clock.instant(), e.rateLimitReset()).plusSeconds(1),
                        e.getMessage());
            }
            if (e.unavailable() && attempt >= properties.unavailableAfterAttempts()) {
                throw new ChannelUnavailable("X is unavailable after " + attempt + " attempts: " + e.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            ledger.release(key, e.getClass().getSimpleName());
            throw e;
        }
        if (posted.duplicate()) {
            ledger.markSent(key, ALREADY_POSTED);
            return result(0, 1, null);
        }
        String url = properties.postUrl(posted.id());
        ledger.markSent(key, url);
        return result(1, 0, url);
    }

    private static void requirePostable(CustomerNotice notice, String text) {
        if (text.isEmpty()) {
            throw new BusinessFailure(NOTICE_REFUSED, "notice '" + notice.step() + "' of " + notice.incidentKey()
                    + " has no X post: variable " + CustomerNotice.Variables.post(CHANNEL) + " is empty");
        }
        int length = PostLength.x(text);
        if (length > PostLength.X_LIMIT) {
            throw new BusinessFailure(NOTICE_REFUSED, "the X post of notice '" + notice.step() + "' of "
                    + notice.incidentKey() + " is " + length + " characters as X counts them, over its limit of "
                    + PostLength.X_LIMIT);
        }
    }

    private static TaskResult result(int sent, int alreadySent, String reference) {
        TaskResult result = TaskResult.of(CustomerNotice.Results.SENT, sent)
                .and(CustomerNotice.Results.ALREADY_SENT, alreadySent);
        return reference == null ? result : result.and(CustomerNotice.Results.REFERENCE, reference);
    }
}
