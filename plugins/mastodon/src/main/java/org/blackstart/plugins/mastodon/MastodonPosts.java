package org.blackstart.plugins.mastodon;

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

/**
 * Posts a notice on Mastodon effectively once: claims (incident, step, "mastodon", instance) in the
 * ledger, posts with the delivery key's id as {@code Idempotency-Key}, marks it sent with the status
 * URL. Should the worker die between the instance's answer and the mark, the retry sends the same
 * key and the instance answers with the status it already made.
 */
public class MastodonPosts {

    static final String CHANNEL = "mastodon";
    /** BPMN error code when the instance will not take the post as it is (422, or no text). */
    public static final String NOTICE_REFUSED = "NOTICE_REFUSED";

    private final DeliveryLedger ledger;
    private final MastodonProperties properties;
    private final MastodonApi api;
    private final Clock clock;

    MastodonPosts(DeliveryLedger ledger, MastodonProperties properties, MastodonApi api, Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.api = api;
        this.clock = clock;
    }

    public TaskResult post(CustomerNotice notice, TaskContext task) {
        String text = notice.post(CHANNEL).strip();
        if (text.isEmpty()) {
            throw new BusinessFailure(NOTICE_REFUSED, "notice '" + notice.step() + "' of " + notice.incidentKey()
                    + " has no Mastodon post: variable " + CustomerNotice.Variables.post(CHANNEL) + " is empty");
        }
        DeliveryKey key = DeliveryKey.of(notice, CHANNEL, properties.ledgerRecipient());
        return switch (ledger.claim(key, properties.claimLease())) {
            case SEND -> send(key, text, notice, task == null ? 1 : task.attempt());
            case ALREADY_SENT -> result(0, 1, null);
            case IN_PROGRESS -> throw new RetryLater(properties.claimLease(), "another worker is posting notice '"
                    + notice.step() + "' of " + notice.incidentKey() + " on Mastodon right now");
        };
    }

    private TaskResult send(DeliveryKey key, String text, CustomerNotice notice, int attempt) {
        MastodonApi.Status status;
        try {
            status = api.post(text, notice.language(), key.id());
        } catch (MastodonApiException e) {
            ledger.release(key, e.getMessage());
            if (e.refused()) {
                throw new BusinessFailure(NOTICE_REFUSED, e.getMessage());
            }
            if (e.rateLimitReset() != null) {
                throw new RetryLater(Duration.between(clock.instant(), e.rateLimitReset()).plusSeconds(1), e.getMessage());
            }
            if (e.unavailable() && attempt >= properties.unavailableAfterAttempts()) {
                throw new ChannelUnavailable("Mastodon is unavailable after " + attempt + " attempts: " + e.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            ledger.release(key, e.getClass().getSimpleName());
            throw e;
        }
        ledger.markSent(key, status.url());
        return result(1, 0, status.url());
    }

    private static TaskResult result(int sent, int alreadySent, String reference) {
        TaskResult result = TaskResult.of(CustomerNotice.Results.SENT, sent)
                .and(CustomerNotice.Results.ALREADY_SENT, alreadySent);
        return reference == null ? result : result.and(CustomerNotice.Results.REFERENCE, reference);
    }
}
