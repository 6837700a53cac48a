package org.blackstart.spi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes every outbound action effectively once, although external tasks are delivered at least
 * once. A plugin claims a delivery before it sends, and marks it sent right after:
 *
 * <pre>{@code
 * switch (ledger.claim(key, lease)) {
 *     case SEND -> { String ref = send(); ledger.markSent(key, ref); }
 *     case ALREADY_SENT -> { }                      // a retry after a crash: skip
 *     case IN_PROGRESS -> throw new RetryLater(...); // another worker is sending it now
 * }
 * }</pre>
 *
 * <p>A claim is a lease: if the worker that holds it dies before {@link #markSent}, the claim
 * expires and the next attempt sends again, passing {@link DeliveryKey#id()} to the remote side
 * (Message-ID, idempotency key) so that the one uncertain window, between the remote side's
 * acceptance and {@code markSent}, cannot become a silent loss.
 */
public interface DeliveryLedger {

    enum Claim {
        /** The caller holds the claim and must send now. */
        SEND,
        /** Sent before (or refused for good, see {@link #markRefused}); the caller must not send again. */
        ALREADY_SENT,
        /** Another worker holds a live claim; try again after its lease. */
        IN_PROGRESS
    }

    /** Claims the right to send for {@code lease}; see {@link Claim}. */
    Claim claim(DeliveryKey key, Duration lease);

    /**
     * Records that the remote side accepted the delivery.
     *
     * @param remoteReference the remote side's id for it (a Message-ID, a tweet id), for the timeline
     */
    void markSent(DeliveryKey key, String remoteReference);

    /**
     * The remote reference recorded by {@link #markSent} for a delivery that was sent, so that a
     * retry after a crash can complete with what the first attempt created (the vendor's case
     * number). Empty when it was not sent, or when the ledger does not keep references.
     */
    default Optional<String> sentReference(DeliveryKey key) {
        return Optional.empty();
    }

    /** Gives the claim back after a failed send, so that the retry sends at once. */
    void release(DeliveryKey key, String reason);

    /**
     * Records that the remote side refused this one delivery for good (an invalid address, a
     * mailbox that does not exist): it is not retried, and a later {@link #claim} answers
     * {@link Claim#ALREADY_SENT}, meaning "done". A ledger that cannot record refusals releases
     * the claim instead, so the delivery is tried again.
     *
     * @param reason the remote side's answer, for people; never a secret
     */
    default void markRefused(DeliveryKey key, String reason) {
        release(key, reason);
    }

    /**
     * Claims many deliveries at once, for fan-outs of thousands: the same outcome per key as
     * {@link #claim}, in fewer round trips. The platform's ledger claims a page in one statement.
     */
    default Map<DeliveryKey, Claim> claimAll(List<DeliveryKey> keys, Duration lease) {
        Map<DeliveryKey, Claim> claims = new LinkedHashMap<>();
        keys.forEach(key -> claims.put(key, claim(key, lease)));
        return claims;
    }

    /** Records many accepted deliveries at once; values are the remote references, as in {@link #markSent}. */
    default void markAllSent(Map<DeliveryKey, String> remoteReferences) {
        remoteReferences.forEach(this::markSent);
    }
}
