package org.blackstart.plugins.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the auth
 * token, over the full URL Twilio requested (query string included) followed, for form posts, by
 * every POST parameter name and value, sorted by name. Twilio may have signed the URL with or
 * without the default port ({@code :443}, {@code :80}), so both forms are tried, as Twilio's own
 * libraries do.
 */
final class TwilioSignature {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final byte[] key;

    TwilioSignature(String authToken) {
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("the Twilio auth token is required to check signatures");
        }
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** True when {@code signature} is Twilio's signature of this URL and these POST parameters. */
    boolean matches(String signature, String url, Map<String, List<String>> postParameters) {
        if (signature == null || signature.isBlank() || url == null) {
            return false;
        }
        byte[] presented = signature.strip().getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : urlVariants(url)) {
            byte[] expected = sign(candidate, postParameters).getBytes(StandardCharsets.US_ASCII);
            // Every variant is compared, in constant time, so timing does not reveal which one matched.
            matched |= MessageDigest.isEqual(expected, presented);
        }
        return matched;
    }

    /** The signature Twilio would send for this URL and these POST parameters. */
    String sign(String url, Map<String, List<String>> postParameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(postParameters).forEach((name, values) -> {
            for (String value : values) {
                data.append(name).append(value == null ? "" : value);
            }
        });
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(key, HMAC_SHA1));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is required by every Java runtime", e);
        }
    }

    /** The URL as given, without its default port, and with its default port. */
    static List<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        try {
            URI uri = new URI(url);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
            if (defaultPort > 0 && uri.getRawAuthority() != null) {
                if (uri.getPort() == -1) {
                    variants.add(withAuthority(uri, uri.getRawAuthority() + ":" + defaultPort));
                } else if (uri.getPort() == defaultPort) {
                    String authority = uri.getRawAuthority();
                    variants.add(withAuthority(uri, authority.substring(0, authority.lastIndexOf(':'))));
                }
            }
        } catch (URISyntaxException e) {
            // Not a URI Twilio could have called; only the literal form can match, and it will not.
        }
        return new ArrayList<>(variants);
    }

    private static String withAuthority(URI uri, String authority) {
        StringBuilder out = new StringBuilder(uri.getScheme()).append("://").append(authority);
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return out.toString();
    }
}
