package org.blackstart.app.alert.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.blackstart.app.api.ApiProperties;
import org.blackstart.app.api.CachedBodyRequest;
import org.blackstart.app.api.PayloadTooLargeException;
import org.blackstart.app.api.ProblemWriter;
import org.blackstart.spi.BlackstartPlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machine POSTs: {@code /api/alerts/{source}}, {@code /api/events} (source
 * {@code events}) and {@code /api/heartbeats/{name}} (source {@code heartbeats}), each by its
 * source's bearer token or HMAC signature of the raw body. Fails closed: a source without a
 * credential is refused. The body is read once, bounded, and handed on, so that the signature
 * covers exactly what the route parses and stores.
 */
@Component
class AlertSourceAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "Bearer realm=\"blackstart-alerts\"";

    private final SourceCredentials credentials;
    private final ProblemWriter problems;
    private final long limit;
    private final Supplier<Set<String>> alertEndpoints;

    AlertSourceAuthenticationFilter(SourceCredentials credentials, ProblemWriter problems, ApiProperties api,
                                    ObjectProvider<BlackstartPlugin> plugins) {
        this.credentials = credentials;
        this.problems = problems;
        this.limit = api.maxAlertPayloadSize().toBytes();
        // Asked per request: cheap, and always what is installed and enabled now.
        this.alertEndpoints = () -> plugins.orderedStream().flatMap(p -> p.descriptor().inboundEndpoints().stream())
                .filter(e -> e.startsWith("/api/alerts/")).collect(Collectors.toSet());
    }

    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** The source a path belongs to, or null when this filter does not guard it. */
    static String sourceOf(String path) {
        if (path.equals("/api/events")) {
            return "events";
        }
        if (path.startsWith("/api/heartbeats/") && singleSegment(path, "/api/heartbeats/")) {
            return "heartbeats";
        }
        if (path.startsWith("/api/alerts/") && singleSegment(path, "/api/alerts/")) {
            return path.substring("/api/alerts/".length());
        }
        return null;
    }

    private static boolean singleSegment(String path, String prefix) {
        String rest = path.substring(prefix.length());
        return !rest.isEmpty() && rest.indexOf('/') < 0;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || sourceOf(path(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        String source = sourceOf(path);
        if (path.startsWith("/api/alerts/") && !alertEndpoints.get().contains(path)) {
            problems.write(response, HttpStatus.NOT_FOUND, "Unknown alert source",
                    "no alert source '" + abbreviate(source) + "' is installed; installed: "
                            + alertEndpoints.get().stream().sorted().collect(Collectors.joining(", ")));
            return;
        }
        AlertSourcesProperties.Credential credential = credentials.of(source).orElse(null);
        if (credential == null) {
            unauthorized(response, "alert source '" + source + "' has no credential configured "
                    + "(blackstart.alerts.sources." + source + ".token or .hmac-secret)");
            return;
        }
        if (credential.token() != null && !bearerMatches(request, credential.token())) {
            unauthorized(response, "missing or wrong bearer token for alert source '" + source + "'");
            return;
        }
        byte[] body;
        try {
            body = readBounded(request);
        } catch (PayloadTooLargeException e) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", e.getMessage());
            return;
        }
        if (credential.hmacSecret() != null && !signatureMatches(request, credential, body)) {
            unauthorized(response, "missing or wrong " + credential.signatureHeader() + " signature for alert source '"
                    + source + "'");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", REALM);
        problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    private static boolean bearerMatches(HttpServletRequest request, String token) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return constantTimeEquals(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256=<hex>}, or bare hex as Grafana sends it; both over the raw body. */
    private static boolean signatureMatches(HttpServletRequest request, AlertSourcesProperties.Credential credential,
                                            byte[] body) {
        String header = request.getHeader(credential.signatureHeader());
        if (header == null) {
            return false;
        }
        String hex = header.trim();
        if (hex.regionMatches(true, 0, "sha256=", 0, 7)) {
            hex = hex.substring(7);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return constantTimeEquals(given, hmac(credential.hmacSecret(), body));
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares digests, so that neither content nor length of the secret leaks through timing. */
    private static boolean constantTimeEquals(byte[] given, byte[] expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(given);
            byte[] b = sha.digest(expected);
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] readBounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new PayloadTooLargeException(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, (int) Math.min(request.getContentLengthLong(), limit)));
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + (long) n > limit) {
                    throw new PayloadTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
