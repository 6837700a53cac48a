package org.blackstart.plugins.twilio;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.blackstart.spi.Paging;

/**
 * Twilio's webhooks, all {@code POST}, form-encoded, answered with TwiML. Each checks the request
 * signature first; a missing or wrong one gets 403 and nothing else happens.
 * <ul>
 *   <li>{@value CallbackUrls#GATHER}: the keypress of a page call; 1 sends {@code PageAcknowledged}</li>
 *   <li>{@value CallbackUrls#STATUS}: the end of a page call; unanswered sends {@code PageUnanswered}</li>
 *   <li>{@value CallbackUrls#SMS}: a text to the platform number; {@code ACK <code>} sends {@code PageAcknowledged}</li>
 *   <li>{@value CallbackUrls#INCOMING} and {@value CallbackUrls#INCOMING_CONFIRM}: a call to the platform number
 *       that may open a major incident</li>
 * </ul>
 */
public class TwilioWebhookRoutes extends RouteBuilder {

    private final WebhookGate gate;
    private final VoiceCallbacks voice;
    private final SmsReplies sms;
    private final IncomingCalls incoming;

    TwilioWebhookRoutes(TwilioProperties properties) {
        this.gate = new WebhookGate(properties);
        this.voice = new VoiceCallbacks(properties);
        this.sms = new SmsReplies(properties);
        this.incoming = new IncomingCalls(properties);
    }

    @Override
    public void configure() {
        webhook(CallbackUrls.GATHER, "twilio-voice-gather")
                .choice()
                    .when(VoiceCallbacks::pressedOne)
                        .process(voice::acknowledgement)
                        .to("blackstart:message:" + Paging.ACKNOWLEDGED)
                        .process(voice::afterAcknowledgement)
                    .otherwise()
                        .process(voice::reprompt)
                .end();

        webhook(CallbackUrls.STATUS, "twilio-voice-status")
                .process(voice::status)
                .choice()
                    .when(exchangeProperty(VoiceCallbacks.SEND_UNANSWERED).isEqualTo(true))
                        .to("blackstart:message:" + Paging.UNANSWERED)
                .end()
                .process(voice::statusReceived);

        webhook(CallbackUrls.SMS, "twilio-sms")
                .process(sms::acknowledgement)
                .choice()
                    .when(SmsReplies::isAcknowledgement)
                        .to("blackstart:message:" + Paging.ACKNOWLEDGED)
                .end()
                .process(sms::reply);

        webhook(CallbackUrls.INCOMING, "twilio-voice-incoming")
                .process(incoming::answer);

        webhook(CallbackUrls.INCOMING_CONFIRM, "twilio-voice-incoming-confirm")
                .choice()
                    .when(incoming::confirmed)
                        .process(incoming::startRequest)
                        .to("blackstart:start:" + IncomingCalls.PROCESS_KEY)
                        .process(incoming::opened)
                    .otherwise()
                        .process(incoming::declined)
                .end();
    }

    private RouteDefinition webhook(String path, String routeId) {
        // populateBodyWithForm=false: the signature is over the form exactly as Twilio sent it, so the gate
        // decodes the raw body itself (the Spring Boot engine's form map keeps values URL-encoded).
        RouteDefinition route = from("platform-http:" + path
                + "?httpMethodRestrict=POST&muteException=true&populateBodyWithForm=false").routeId(routeId);
        route.onException(Webhook.InvalidSignature.class).handled(true).process(exchange -> gate.forbidden(exchange, path));
        route.onException(Webhook.BadWebhookRequest.class).handled(true).process(exchange -> gate.badRequest(exchange, path));
        return route.process(exchange -> gate.admit(exchange, path));
    }
}
