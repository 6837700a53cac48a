package org.blackstart.plugins.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POST from a source: parse it completely, then hand the raw body and its alerts to the
 * intake, and answer 202 only once they are stored. A payload that does not parse is answered
 * with 400 and never reaches the intake; a failing intake answers 503 so the source sends again.
 */
final class AlertReceiver implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(AlertReceiver.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final AlertSource source;
    private final PayloadParser parser;
    private final AlertIntake intake;

    AlertReceiver(AlertSource source, AlertIntake intake) {
        this.source = source;
        this.parser = source.parser();
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        Message reply = exchange.getMessage();
        // The request's headers (Authorization among them) must not be echoed into the response.
        reply.removeHeaders("*");

        List<AlertEvent> alerts;
        try {
            alerts = parser.parse(read(raw));
        } catch (InvalidPayloadException e) {
            problem(reply, 400, "Invalid alert payload", e.getMessage());
            return;
        }
        AlertIntake.Receipt receipt;
        try {
            receipt = intake.accept(source.slug(), raw, alerts);
        } catch (RuntimeException e) {
            LOG.error("BLACKSTART-ALERTS-001 {} alerts from {} could not be stored; the source was told to send them again",
                    alerts.size(), source.slug(), e);
            reply.setHeader("Retry-After", "10");
            problem(reply, 503, "Alerts not stored", "the alerts could not be stored; send them again");
            return;
        }
        reply.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        reply.setHeader(Exchange.CONTENT_TYPE, "application/json");
        reply.setBody(JSON.writeValueAsString(source.reply(receipt, alerts)));
    }

    private static JsonNode read(String raw) {
        if (raw.isBlank()) {
            throw new InvalidPayloadException("the body is empty; expected a JSON object");
        }
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidPayloadException("malformed JSON: " + e.getOriginalMessage() + where);
        }
    }

    private static void problem(Message reply, int status, String title, String detail) throws JsonProcessingException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        reply.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        reply.setHeader(Exchange.CONTENT_TYPE, PROBLEM_JSON);
        reply.setBody(JSON.writeValueAsString(problem));
    }
}
