package org.blackstart.plugins.jira;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jira's webhook signature: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>},
 * keyed with the secret given when the webhook was registered (the WebSub scheme).
 */
final class JiraWebhookSignature {

    static final String HEADER = "X-Hub-Signature";
    private static final String SCHEME = "sha256=";

    private JiraWebhookSignature() {
    }

    /** The header value Jira sends for {@code body}. */
    static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    /** Compares in constant time, so that the answer's timing tells a forger nothing about the secret. */
    static boolean matches(String secret, byte[] body, String presented) {
        if (secret == null || presented == null || presented.isBlank()) {
            return false;
        }
        byte[] expected = of(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = presented.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
