package org.blackstart.app.alert.intake;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.alerts.*}: the credential of each alert source, by source name
 * ({@code alertmanager}, {@code grafana}, {@code events}, {@code heartbeats}). A source without one
 * is refused.
 */
@ConfigurationProperties("blackstart.alerts")
@Validated
public record AlertSourcesProperties(Map<String, Credential> sources) {

    public static final String DEFAULT_SIGNATURE_HEADER = "X-Blackstart-Signature";

    public AlertSourcesProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        sources.keySet().forEach(name -> {
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("blackstart.alerts.sources." + name
                        + ": a source name is lower-case letters, digits and '-'");
            }
        });
    }

    /**
     * Exactly one of {@code token} and {@code hmacSecret}.
     *
     * @param token           expected in {@code Authorization: Bearer <token>}; a secret
     * @param hmacSecret      key of the HMAC-SHA256 over the raw body; a secret
     * @param signatureHeader where the sender puts {@code sha256=<hex>} (Grafana: {@code X-Grafana-Alerting-Signature}, bare hex)
     */
    public record Credential(String token, String hmacSecret, String signatureHeader) {

        public Credential {
            boolean hasToken = token != null && !token.isBlank();
            boolean hasHmac = hmacSecret != null && !hmacSecret.isBlank();
            if (hasToken == hasHmac) {
                throw new IllegalArgumentException("set exactly one of token and hmac-secret"
                        + (hasToken ? " (both are set)" : " (neither is set)"));
            }
            if (signatureHeader != null && !signatureHeader.isBlank() && hasToken) {
                throw new IllegalArgumentException("signature-header applies to hmac-secret only");
            }
            token = hasToken ? token : null;
            hmacSecret = hasHmac ? hmacSecret : null;
            signatureHeader = signatureHeader == null || signatureHeader.isBlank() ? DEFAULT_SIGNATURE_HEADER : signatureHeader;
        }

        @Override
        public String toString() {
            return token != null ? "Credential[token=******]" : "Credential[hmac-secret=******, signature-header=" + signatureHeader + "]";
        }
    }
}
