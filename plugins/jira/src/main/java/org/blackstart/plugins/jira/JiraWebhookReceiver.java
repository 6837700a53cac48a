package org.blackstart.plugins.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.blackstart.spi.ActionTickets;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery of a Jira webhook to {@code POST /api/vendor-webhooks/jira/<account>}: checks the
 * signature over the raw body before reading anything (wrong, missing or an unknown account: 401,
 * nothing stored), then hands what the vendor did to the inbox and answers 200. A signed delivery
 * that cannot be read is answered 400; an inbox that cannot store it, 503, so Jira sends it again.
 */
final class JiraWebhookReceiver implements Processor {

    static final String PATH = "/api/vendor-webhooks/jira";

    private static final Logger LOG = LoggerFactory.getLogger(JiraWebhookReceiver.class);

    private final JiraProperties properties;
    private final VendorInbox inbox;
    private final ActionTickets actionTickets;

    /** @param actionTickets where the team's Jira reports finished action items; {@code null} when the platform has none */
    JiraWebhookReceiver(JiraProperties properties, VendorInbox inbox, ActionTickets actionTickets) {
        this.properties = properties;
        this.inbox = inbox;
        this.actionTickets = actionTickets;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String accountName = in.getHeader("account", String.class);
        String signature = in.getHeader(JiraWebhookSignature.HEADER, String.class);
        byte[] raw = in.getBody(byte[].class);
        byte[] body = raw == null ? new byte[0] : raw;
        Message reply = exchange.getMessage();
        // Nothing the caller sent may be echoed back or reach anything else.
        reply.removeHeaders("*");
        String instance = PATH + "/" + accountName;

        if (JiraProperties.ACTIONS.equals(accountName) && properties.actions() != null) {
            actionDelivery(body, signature, reply, instance);
            return;
        }
        JiraProperties.Account account = properties.account(accountName);
        if (!signed(account == null ? null : account.webhookSecret(), body, signature, reply, instance,
                "the account's webhook secret")) {
            return;
        }
        JiraEvents.Reading reading = readable(body, reply, instance, event -> JiraEvents.read(accountName, account, event));
        if (reading == null) {
            return;
        }
        ObjectNode answer = JiraHttp.JSON.createObjectNode();
        if (reading.message() == null) {
            answer.put("ignored", reading.ignored());
            ok(reply, answer);
            return;
        }
        VendorInbox.Outcome outcome;
        try {
            outcome = inbox.receive(reading.message());
        } catch (RuntimeException e) {
            LOG.error("BLACKSTART-JIRA-003 a message of Jira account {} on {} could not be stored; Jira will send it again",
                    accountName, reading.message().caseNumber(), e);
            reply.setHeader("Retry-After", "30");
            problem(reply, 503, "Service Unavailable", "the message could not be stored; send it again", instance);
            return;
        }
        VendorMessage message = reading.message();
        answer.put("outcome", outcome.name()).put("kind", message.kind().name()).put("messageId", message.messageId());
        ok(reply, answer);
    }

    /** A delivery from the team's own Jira: an action item's issue finished there closes the item. */
    private void actionDelivery(byte[] body, String signature, Message reply, String instance) {
        JiraProperties.Actions actions = properties.actions();
        if (!signed(actions.webhookSecret(), body, signature, reply, instance, "the webhook secret of the team's Jira")) {
            return;
        }
        JiraActionEvents.Reading reading = readable(body, reply, instance, event -> JiraActionEvents.read(actions, event));
        if (reading == null) {
            return;
        }
        ObjectNode answer = JiraHttp.JSON.createObjectNode();
        if (reading.issueKey() == null || actionTickets == null) {
            answer.put("ignored", reading.issueKey() == null ? reading.ignored() : "the platform takes no action items");
            ok(reply, answer);
            return;
        }
        ActionTickets.Outcome outcome;
        try {
            outcome = actionTickets.closed(JiraCases.SYSTEM, reading.issueKey(), reading.closedBy());
        } catch (RuntimeException e) {
            LOG.error("BLACKSTART-JIRA-004 the close of action item issue {} could not be recorded; Jira will send it again",
                    reading.issueKey(), e);
            reply.setHeader("Retry-After", "30");
            problem(reply, 503, "Service Unavailable", "the close could not be recorded; send it again", instance);
            return;
        }
        answer.put("outcome", outcome.name()).put("issue", reading.issueKey());
        ok(reply, answer);
    }

    /** Checks the signature over the raw body before anything is read; answers 401 when it does not match. */
    private static boolean signed(String secret, byte[] body, String signature, Message reply, String instance,
                                  String whose) {
        if (secret != null && JiraWebhookSignature.matches(secret, body, signature)) {
            return true;
        }
        LOG.warn("BLACKSTART-JIRA-001 refused a webhook delivery to {}: {}", instance,
                signature == null ? "no " + JiraWebhookSignature.HEADER : "signature does not match");
        problem(reply, 401, "Unauthorized", JiraWebhookSignature.HEADER + " is missing or does not match " + whose, instance);
        return false;
    }

    /** What a signed delivery says, or {@code null} after answering 400 when it is not a JSON object it can read. */
    private static <T> T readable(byte[] body, Message reply, String instance, Function<JsonNode, T> reader) {
        try {
            JsonNode event = JiraHttp.JSON.readTree(body);
            if (event == null || !event.isObject()) {
                throw new JiraEvents.MalformedEvent("the body is not a JSON object");
            }
            return reader.apply(event);
        } catch (IOException | JiraEvents.MalformedEvent e) {
            String detail = e instanceof JiraEvents.MalformedEvent ? e.getMessage() : "the body is not a JSON object";
            LOG.warn("BLACKSTART-JIRA-002 signed webhook delivery to {} is unusable: {}", instance, detail);
            problem(reply, 400, "Bad Request", detail, instance);
            return null;
        }
    }

    private static void ok(Message reply, JsonNode answer) {
        reply.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        reply.setHeader(Exchange.CONTENT_TYPE, "application/json");
        reply.setBody(answer.toString());
    }

    private static void problem(Message reply, int status, String title, String detail, String instance) {
        ObjectNode problem = JiraHttp.JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        reply.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        reply.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        reply.setBody(problem.toString());
    }
}
