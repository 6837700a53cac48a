package org.blackstart.plugins.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of every Twilio webhook: checks {@code X-Twilio-Signature} against the public URL
 * of the request and its POST parameters, and only then lets the request in, as a {@link Webhook}
 * in the exchange property {@link #WEBHOOK}. All HTTP headers are dropped, so nothing the caller
 * sent besides the signed URL and form can reach the {@code blackstart:} endpoints.
 */
final class WebhookGate {

    static final String WEBHOOK = "blackstartTwilioWebhook";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookGate.class);

    private final TwilioSignature signature;
    private final CallbackUrls urls;
    private final ObjectMapper json = new ObjectMapper();

    WebhookGate(TwilioProperties properties) {
        this.signature = new TwilioSignature(properties.authToken());
        this.urls = new CallbackUrls(properties);
    }

    void admit(Exchange exchange, String path) {
        String rawQuery = exchange.getIn().getHeader(Exchange.HTTP_QUERY, String.class);
        String presented = exchange.getIn().getHeader(SIGNATURE_HEADER, String.class);
        Map<String, List<String>> query = Webhook.parseQuery(rawQuery);
        Object body = exchange.getIn().getBody();
        if (body != null && !(body instanceof Map<?, ?>)) {
            // The raw form as the engine keeps it (a stream or bytes), read once as text.
            body = exchange.getIn().getBody(String.class);
        }
        Map<String, List<String>> form;
        try {
            form = Webhook.formParameters(body, query);
        } catch (Webhook.BadWebhookRequest unreadable) {
            // Without its parameters the signature cannot be checked, so this is an unauthenticated request.
            throw new Webhook.InvalidSignature(SIGNATURE_HEADER
                    + " cannot be checked: the request is not a form post Twilio could have signed");
        }
        if (presented == null || presented.isBlank()) {
            throw new Webhook.InvalidSignature(SIGNATURE_HEADER + " header is missing");
        }
        if (!signature.matches(presented, urls.requested(path, rawQuery), form)) {
            throw new Webhook.InvalidSignature(SIGNATURE_HEADER + " does not match this request; is public-base-url "
                    + "exactly the URL Twilio calls?");
        }
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(null);
        exchange.setProperty(WEBHOOK, new Webhook(path, rawQuery, query, form));
    }

    static Webhook webhook(Exchange exchange) {
        return exchange.getProperty(WEBHOOK, Webhook.class);
    }

    void forbidden(Exchange exchange, String path) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String detail = cause == null ? SIGNATURE_HEADER + " is not valid" : cause.getMessage();
        LOG.warn("BLACKSTART-TWILIO-001 refused a webhook to {}: {}", path, detail);
        problem(exchange, 403, "Forbidden", detail, path);
    }

    void badRequest(Exchange exchange, String path) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String detail = cause == null ? "bad request" : cause.getMessage();
        LOG.warn("BLACKSTART-TWILIO-002 signed webhook to {} is unusable: {}", path, detail);
        problem(exchange, 400, "Bad Request", detail, path);
    }

    private void problem(Exchange exchange, int status, String title, String detail, String path) {
        ObjectNode problem = json.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", path);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        exchange.getMessage().setBody(problem.toString());
    }
}
