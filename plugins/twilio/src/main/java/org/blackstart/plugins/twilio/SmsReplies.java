package org.blackstart.plugins.twilio;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CorrelationOutcome;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Texts to the platform's number: {@code ACK 482913} acknowledges the page with that code. */
final class SmsReplies {

    static final String VIA_SMS = "sms";
    static final String ACK_CODE = "blackstartTwilioSmsAckCode";

    /** {@code ACK 482913}, {@code ack482913}, {@code Ack: 482 913}: the keyword, then the code, spaces anywhere. */
    private static final Pattern ACK = Pattern.compile("^\\s*ack\\s*[:#.-]?\\s*([A-Za-z0-9][A-Za-z0-9 ]*?)\\s*[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Logger LOG = LoggerFactory.getLogger(SmsReplies.class);

    private final TwilioProperties properties;

    SmsReplies(TwilioProperties properties) {
        this.properties = properties;
    }

    /** The code in an acknowledgement text, without spaces, or {@code null} when the text is not one. */
    static String ackCode(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = ACK.matcher(text);
        return matcher.matches() ? matcher.group(1).replace(" ", "") : null;
    }

    void acknowledgement(Exchange exchange) {
        Webhook webhook = WebhookGate.webhook(exchange);
        String from = webhook.requiredForm("From");
        String code = ackCode(webhook.formValue("Body"));
        if (code == null) {
            return;
        }
        LOG.info("BLACKSTART-TWILIO-020 text from {} acknowledges page code {}", from, code);
        exchange.setProperty(ACK_CODE, code);
        exchange.getIn().setHeader(BlackstartHeaders.CORRELATION_VARIABLES, Map.of(PageRequest.Variables.ACK_CODE, code));
        exchange.getIn().setBody(Map.of(Paging.ACKNOWLEDGED_BY, from, Paging.ACKNOWLEDGED_VIA, VIA_SMS));
    }

    static boolean isAcknowledgement(Exchange exchange) {
        return exchange.getProperty(ACK_CODE) != null;
    }

    void reply(Exchange exchange) {
        String code = exchange.getProperty(ACK_CODE, String.class);
        String text;
        if (code == null) {
            text = "To acknowledge a page, reply ACK followed by the code from the page, e.g. ACK 482913.";
        } else {
            CorrelationOutcome outcome = exchange.getMessage().getBody(CorrelationOutcome.class);
            text = outcome != null && outcome.correlated()
                    ? "Acknowledged, thank you. Page " + code + " is yours."
                    : "No open page has code " + code + ". Nothing was changed.";
        }
        VoiceCallbacks.respond(exchange, Twiml.response(properties).message(text).toXml());
    }
}
