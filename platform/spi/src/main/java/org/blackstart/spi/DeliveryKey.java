package org.blackstart.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Names one outbound action toward one person: this incident's notice step, on this channel, to
 * this recipient. Two deliveries with the same key are the same delivery.
 */
public record DeliveryKey(String incidentKey, String step, String channel, String recipient) {

    public DeliveryKey {
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        // Addresses differ in case only by accident; treating them as one keeps one send per person.
        recipient = recipient.strip().toLowerCase(Locale.ROOT);
    }

    public static DeliveryKey of(CustomerNotice notice, String channel, String recipient) {
        return new DeliveryKey(notice.incidentKey(), notice.step(), channel, recipient);
    }

    /**
     * A stable id (hex SHA-256, 64 characters) for the remote side: an e-mail Message-ID, an
     * idempotency key header. Identical across retries and restarts.
     */
    public String id() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String joined = String.join("\u001f", incidentKey, step, channel, recipient);
            return HexFormat.of().formatHex(digest.digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
