package org.blackstart.app.statuspage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links for subscribers: HMAC-SHA256 over (subscription id, purpose, expiry), base64url. Only
 * the platform can make one; a token for one purpose does not open another.
 */
final class SubscriptionTokens {

    enum Purpose {
        CONFIRM(Duration.ofHours(48)), UNSUBSCRIBE(Duration.ofDays(365));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        Duration lifetime() {
            return lifetime;
        }
    }

    /** What a presented token turned out to be. */
    sealed interface Check {
    }

    record Valid(String subscriptionId) implements Check {
    }

    /** Signed by us, but too old. */
    record Expired(String subscriptionId) implements Check {
    }

    /** Not ours, altered, malformed, or for another purpose. */
    record Invalid() implements Check {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    SubscriptionTokens(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    String issue(String subscriptionId, Purpose purpose) {
        Instant expiry = clock.instant().plus(purpose.lifetime);
        String payload = subscriptionId + ":" + purpose.name().toLowerCase() + ":" + expiry.getEpochSecond();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(payload));
    }

    Check check(String token, Purpose purpose) {
        if (token == null || token.length() > 512) {
            return new Invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Invalid();
        }
        String payload;
        byte[] signature;
        try {
            payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return new Invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return new Invalid();
        }
        String[] parts = payload.split(":");
        if (parts.length != 3 || !parts[1].equals(purpose.name().toLowerCase())) {
            return new Invalid();
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return new Invalid();
        }
        return clock.instant().getEpochSecond() > expiry ? new Expired(parts[0]) : new Valid(parts[0]);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
