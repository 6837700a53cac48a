package org.blackstart.testkit.x;

import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What X does with an {@code Authorization: OAuth ...} header: recompute the HMAC-SHA1 signature
 * (RFC 5849) over the request with the simulated account's secrets and compare. Written apart from
 * the plugin's signer, so that one cannot hide the other's mistake.
 */
final class OAuth1Check {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_%.~-]+)=\"([^\"]*)\"");

    private OAuth1Check() {
    }

    static boolean valid(Request request, String header) {
        Map<String, String> oauth = new TreeMap<>();
        Matcher m = PARAMETER.matcher(header.substring("OAuth ".length()));
        while (m.find()) {
            oauth.put(decode(m.group(1)), decode(m.group(2)));
        }
        String signature = oauth.remove("oauth_signature");
        if (signature == null || !XApiSimulation.CONSUMER_KEY.equals(oauth.get("oauth_consumer_key"))
                || !XApiSimulation.ACCESS_TOKEN.equals(oauth.get("oauth_token"))
                || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
            return false;
        }
        URI uri = URI.create(request.getAbsoluteUrl());
        String parameters = oauth.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .sorted().collect(Collectors.joining("&"));
        String base = request.getMethod().getName() + "&"
                + encode(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getRawPath()) + "&"
                + encode(parameters);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((encode(XApiSimulation.CONSUMER_SECRET) + "&"
                    + encode(XApiSimulation.ACCESS_TOKEN_SECRET)).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
