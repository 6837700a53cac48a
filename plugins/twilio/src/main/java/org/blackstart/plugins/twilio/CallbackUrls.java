package org.blackstart.plugins.twilio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blackstart.spi.PageRequest;

/**
 * The platform's webhook paths, and the callback URLs handed to Twilio. What a callback needs
 * (incident, step, recipient, acknowledgement code) rides in the query string: Twilio signs the
 * full URL, so a caller cannot change it without breaking the signature.
 */
final class CallbackUrls {

    static final String GATHER = "/api/twilio/voice/gather";
    static final String STATUS = "/api/twilio/voice/status";
    static final String SMS = "/api/twilio/sms";
    static final String INCOMING = "/api/twilio/voice/incoming";
    static final String INCOMING_CONFIRM = "/api/twilio/voice/incoming/confirm";

    static final String INCIDENT = "incident";
    static final String STEP = "step";
    static final String RECIPIENT = "recipient";
    static final String ACK_CODE = "ackCode";

    private final String publicBase;

    CallbackUrls(TwilioProperties properties) {
        this.publicBase = properties.publicBase();
    }

    String gather(PageRequest page) {
        return withPage(GATHER, page);
    }

    String status(PageRequest page) {
        return withPage(STATUS, page);
    }

    String incomingConfirm() {
        return publicBase + INCOMING_CONFIRM;
    }

    /** The URL Twilio requested, as it signed it: public base, path, and the query string as received. */
    String requested(String path, String rawQuery) {
        return publicBase + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    private String withPage(String path, PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(INCIDENT, page.incidentKey());
        query.put(STEP, page.step());
        query.put(RECIPIENT, page.recipient());
        query.put(ACK_CODE, page.ackCode());
        StringBuilder url = new StringBuilder(publicBase).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }
}
