package org.blackstart.plugins.twilio;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.StartOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Someone phones the platform's number. A caller in {@code incident-callers} is offered "press 1
 * to open a major incident"; pressing 1 starts {@code major-incident} once per call (the Call SID
 * is the dedup key) and the new incident key is spoken. Everyone else hears they are not authorised.
 */
final class IncomingCalls {

    static final String PROCESS_KEY = "major-incident";
    static final String SEVERITY = "SEV1";

    private static final Logger LOG = LoggerFactory.getLogger(IncomingCalls.class);

    private final TwilioProperties properties;
    private final CallbackUrls urls;

    IncomingCalls(TwilioProperties properties) {
        this.properties = properties;
        this.urls = new CallbackUrls(properties);
    }

    void answer(Exchange exchange) {
        String caller = WebhookGate.webhook(exchange).formValue("From");
        if (properties.mayOpenIncidents(caller)) {
            VoiceCallbacks.respond(exchange, VoicePrompts.offerIncident(properties, urls.incomingConfirm()));
        } else {
            LOG.warn("BLACKSTART-TWILIO-030 call from {} to the platform number: not an incident caller", caller);
            VoiceCallbacks.respond(exchange, VoicePrompts.notAuthorised(properties));
        }
    }

    /** The caller may open incidents and pressed 1. Checked again here: this URL is reachable on its own. */
    boolean confirmed(Exchange exchange) {
        Webhook webhook = WebhookGate.webhook(exchange);
        return properties.mayOpenIncidents(webhook.formValue("From")) && "1".equals(webhook.formValue("Digits"));
    }

    void startRequest(Exchange exchange) {
        Webhook webhook = WebhookGate.webhook(exchange);
        String caller = webhook.requiredForm("From");
        String callSid = webhook.requiredForm("CallSid");
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("title", "Major incident declared by phone");
        variables.put("summary", "Declared by " + caller + " in a call to the platform number " + properties.fromNumber()
                + " (Twilio call " + callSid + ").");
        variables.put("severity", SEVERITY);
        variables.put("declaredBy", caller);
        exchange.getIn().setHeader(BlackstartHeaders.DEDUP_KEY, callSid);
        exchange.getIn().setBody(variables);
    }

    void opened(Exchange exchange) {
        StartOutcome outcome = exchange.getMessage().getBody(StartOutcome.class);
        LOG.info("BLACKSTART-TWILIO-031 major incident {} {} by phone", outcome.businessKey(),
                outcome.created() ? "opened" : "already opened");
        VoiceCallbacks.respond(exchange, VoicePrompts.incidentOpened(properties, outcome.businessKey(), outcome.created()));
    }

    void declined(Exchange exchange) {
        String caller = WebhookGate.webhook(exchange).formValue("From");
        VoiceCallbacks.respond(exchange, properties.mayOpenIncidents(caller)
                ? VoicePrompts.noIncident(properties) : VoicePrompts.notAuthorised(properties));
    }
}
