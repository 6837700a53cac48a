package org.blackstart.plugins.x;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849 section 3.4), as X's "Creating a signature"
 * describes it: percent-encode every parameter, sort, join into the signature base string
 * {@code METHOD&url&params}, sign with {@code consumerSecret&tokenSecret}, and send the result in an
 * {@code Authorization: OAuth ...} header. A JSON body (as {@code POST /2/tweets} takes) is not a
 * parameter and is not signed; query and form parameters are.
 */
final class OAuth1Signer {

    private final String consumerKey;
    private final String consumerSecret;
    private final String token;
    private final String tokenSecret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuth1Signer(String consumerKey, String consumerSecret, String token, String tokenSecret, Clock clock) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.token = token;
        this.tokenSecret = tokenSecret;
        this.clock = clock;
    }

    /** The {@code Authorization} header for a request, with a fresh nonce and the current time. */
    String authorization(String method, URI uri, Map<String, String> formParameters) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return authorization(method, uri, formParameters, HexFormat.of().formatHex(nonce),
                Long.toString(clock.instant().getEpochSecond()));
    }

    String authorization(String method, URI uri, Map<String, String> formParameters, String nonce, String timestamp) {
        Map<String, String> oauth = oauthParameters(nonce, timestamp);
        oauth.put("oauth_signature", signature(method, uri, formParameters, oauth));
        return "OAuth " + new TreeMap<>(oauth).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=\"" + encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    Map<String, String> oauthParameters(String nonce, String timestamp) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", timestamp);
        oauth.put("oauth_token", token);
        oauth.put("oauth_version", "1.0");
        return oauth;
    }

    /** The base64 HMAC-SHA1 of {@link #baseString}. */
    String signature(String method, URI uri, Map<String, String> formParameters, Map<String, String> oauthParameters) {
        String key = encode(consumerSecret) + "&" + encode(tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(baseString(method, uri, formParameters, oauthParameters)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by every Java runtime", e);
        }
    }

    static String baseString(String method, URI uri, Map<String, String> formParameters,
                             Map<String, String> oauthParameters) {
        // Encoded key -> encoded value, sorted by key then value (RFC 5849 3.4.1.3.2).
        TreeMap<String, java.util.TreeSet<String>> parameters = new TreeMap<>();
        oauthParameters.forEach((k, v) -> parameters.computeIfAbsent(encode(k), x -> new java.util.TreeSet<>()).add(encode(v)));
        formParameters.forEach((k, v) -> parameters.computeIfAbsent(encode(k), x -> new java.util.TreeSet<>()).add(encode(v)));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(encode(name), x -> new java.util.TreeSet<>()).add(encode(value));
            }
        }
        String normalized = parameters.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
                .collect(Collectors.joining("&"));
        return method.toUpperCase(java.util.Locale.ROOT) + "&" + encode(baseUrl(uri)) + "&" + encode(normalized);
    }

    /** Scheme and host in lower case, the port only when it is not the default, the path, no query. */
    static String baseUrl(URI uri) {
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** RFC 3986 percent-encoding: everything but {@code A-Z a-z 0-9 - . _ ~}, as UTF-8. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuth1Signer[consumerKey=" + consumerKey + ", secrets=******]";
    }
}
