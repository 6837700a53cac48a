package org.blackstart.plugins.twilio;

import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CorrelationOutcome;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A page call's callbacks: the keypress ({@code <Gather>} action) and the final call status. */
final class VoiceCallbacks {

    static final String VIA_KEYPRESS = "keypress";
    /**
     * Final call states that mean nobody acknowledged. {@code completed} is among them: a call taken
     * by voicemail completes too. After a keypress the page is already acknowledged and the
     * message finds nothing waiting.
     */
    static final Set<String> UNANSWERED = Set.of("no-answer", "busy", "failed", "canceled", "completed");
    static final String SEND_UNANSWERED = "blackstartTwilioUnanswered";

    private static final Logger LOG = LoggerFactory.getLogger(VoiceCallbacks.class);

    private final TwilioProperties properties;
    private final CallbackUrls urls;

    VoiceCallbacks(TwilioProperties properties) {
        this.properties = properties;
        this.urls = new CallbackUrls(properties);
    }

    static boolean pressedOne(Exchange exchange) {
        return "1".equals(WebhookGate.webhook(exchange).formValue("Digits"));
    }

    /** Prepares {@code PageAcknowledged} for the page named in the callback URL. */
    void acknowledgement(Exchange exchange) {
        Webhook webhook = WebhookGate.webhook(exchange);
        String ackCode = webhook.requiredQuery(CallbackUrls.ACK_CODE);
        String recipient = webhook.requiredQuery(CallbackUrls.RECIPIENT);
        LOG.info("BLACKSTART-TWILIO-010 {} pressed 1 on call {} for {}", recipient, webhook.formValue("CallSid"),
                webhook.queryValue(CallbackUrls.INCIDENT));
        exchange.getIn().setHeader(BlackstartHeaders.CORRELATION_VARIABLES, Map.of(PageRequest.Variables.ACK_CODE, ackCode));
        exchange.getIn().setBody(Map.of(Paging.ACKNOWLEDGED_BY, recipient, Paging.ACKNOWLEDGED_VIA, VIA_KEYPRESS));
    }

    void afterAcknowledgement(Exchange exchange) {
        CorrelationOutcome outcome = exchange.getMessage().getBody(CorrelationOutcome.class);
        respond(exchange, outcome != null && outcome.correlated()
                ? VoicePrompts.acknowledged(properties) : VoicePrompts.noLongerOpen(properties));
    }

    void reprompt(Exchange exchange) {
        Webhook webhook = WebhookGate.webhook(exchange);
        webhook.requiredQuery(CallbackUrls.ACK_CODE);
        String sameCallback = urls.requested(CallbackUrls.GATHER, webhook.rawQuery());
        respond(exchange, VoicePrompts.reprompt(properties, sameCallback));
    }

    /** Prepares {@code PageUnanswered} when the call ended without an acknowledgement. */
    void status(Exchange exchange) {
        Webhook webhook = WebhookGate.webhook(exchange);
        String status = webhook.requiredForm("CallStatus");
        String ackCode = webhook.requiredQuery(CallbackUrls.ACK_CODE);
        boolean unanswered = UNANSWERED.contains(status);
        exchange.setProperty(SEND_UNANSWERED, unanswered);
        if (unanswered) {
            LOG.info("BLACKSTART-TWILIO-011 call {} to {} for {} ended {}", webhook.formValue("CallSid"),
                    webhook.queryValue(CallbackUrls.RECIPIENT), webhook.queryValue(CallbackUrls.INCIDENT), status);
            exchange.getIn().setHeader(BlackstartHeaders.CORRELATION_VARIABLES, Map.of(PageRequest.Variables.ACK_CODE, ackCode));
            exchange.getIn().setBody(Map.of(Paging.UNANSWERED_REASON, status));
        }
    }

    void statusReceived(Exchange exchange) {
        respond(exchange, VoicePrompts.empty());
    }

    static void respond(Exchange exchange, String twiml) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, Twiml.CONTENT_TYPE);
        exchange.getMessage().setBody(twiml);
    }
}
