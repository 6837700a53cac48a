package org.blackstart.plugins.resttickets;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook delivery from a vendor portal to {@code POST /api/vendor-webhooks/rest-tickets/<account>}:
 * the account's shared secret must be in its header (compared in constant time; wrong, missing or
 * an unknown account: 401, nothing stored). The delivery is then read through the account's
 * inbound JSON Pointers and handed to the inbox; 200 once stored, 400 for a delivery without a
 * message id, 503 when the inbox cannot store it, so the portal sends it again.
 */
final class PortalWebhookReceiver implements Processor {

    static final String PATH = "/api/vendor-webhooks/rest-tickets";

    private static final Logger LOG = LoggerFactory.getLogger(PortalWebhookReceiver.class);

    private final Map<String, PortalAccount> accounts;
    private final VendorInbox inbox;

    PortalWebhookReceiver(Map<String, PortalAccount> accounts, VendorInbox inbox) {
        this.accounts = accounts;
        this.inbox = inbox;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String accountName = in.getHeader("account", String.class);
        PortalAccount account = accountName == null ? null : accounts.get(accountName);
        String presented = account == null ? null : in.getHeader(account.account.secretHeader(), String.class);
        byte[] raw = in.getBody(byte[].class);
        Message reply = exchange.getMessage();
        reply.removeHeaders("*");
        String instance = PATH + "/" + accountName;

        if (account == null || !secretMatches(account.account.webhookSecret(), presented)) {
            LOG.warn("BLACKSTART-REST-002 refused a webhook delivery to {}: {}", instance,
                    account == null ? "no such account" : presented == null ? "no secret header" : "wrong secret");
            problem(reply, 401, "Unauthorized", "the webhook secret header is missing or wrong", instance);
            return;
        }
        VendorMessage message;
        try {
            message = read(account, jsonObject(raw));
        } catch (IOException | Malformed e) {
            String detail = e instanceof Malformed ? e.getMessage() : "the body is not JSON";
            LOG.warn("BLACKSTART-REST-003 authenticated webhook delivery to {} is unusable: {}", instance, detail);
            problem(reply, 400, "Bad Request", detail, instance);
            return;
        }
        VendorInbox.Outcome outcome;
        try {
            outcome = inbox.receive(message);
        } catch (RuntimeException e) {
            LOG.error("BLACKSTART-REST-004 a message of vendor portal account {} could not be stored; the portal will send it "
                    + "again", accountName, e);
            reply.setHeader("Retry-After", "30");
            problem(reply, 503, "Service Unavailable", "the message could not be stored; send it again", instance);
            return;
        }
        ObjectNode answer = PortalHttp.JSON.createObjectNode().put("outcome", outcome.name())
                .put("kind", message.kind().name()).put("messageId", message.messageId());
        reply.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        reply.setHeader(Exchange.CONTENT_TYPE, "application/json");
        reply.setBody(answer.toString());
    }

    private static JsonNode jsonObject(byte[] raw) throws IOException {
        JsonNode node = PortalHttp.JSON.readTree(raw == null ? new byte[0] : raw);
        if (node == null || !node.isObject()) {
            throw new Malformed("the body is not a JSON object");
        }
        return node;
    }

    static VendorMessage read(PortalAccount account, JsonNode delivery) {
        RestTicketsProperties.Inbound inbound = account.account.inbound();
        String messageId = text(delivery, account.inMessageId);
        if (messageId == null) {
            throw new Malformed("the delivery has nothing at " + account.inMessageId + " (inbound.message-id)");
        }
        String kindValue = text(delivery, account.inKind);
        return new VendorMessage(PortalCases.SYSTEM, account.name, text(delivery, account.inCaseNumber),
                account.name + ":" + messageId, kind(inbound, kindValue), text(delivery, account.inAuthor),
                text(delivery, account.inSubject), text(delivery, account.inText), text(delivery, account.inStatus),
                null, List.of());
    }

    private static VendorMessage.Kind kind(RestTicketsProperties.Inbound inbound, String value) {
        if (value == null) {
            return inbound.defaultKind();
        }
        for (Map.Entry<String, VendorMessage.Kind> mapped : inbound.kinds().entrySet()) {
            if (mapped.getKey().equalsIgnoreCase(value.strip())) {
                return mapped.getValue();
            }
        }
        try {
            return VendorMessage.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAKind) {
            return inbound.defaultKind();
        }
    }

    private static String text(JsonNode delivery, JsonPointer pointer) {
        if (pointer == null) {
            return null;
        }
        JsonNode value = delivery.at(pointer);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** Compares digests, so neither the content nor the length of the secret shows in the timing. */
    private static boolean secretMatches(String secret, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] expected = sha.digest(secret.getBytes(StandardCharsets.UTF_8));
            byte[] given = sha.digest(presented.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, given);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static void problem(Message reply, int status, String title, String detail, String instance) {
        ObjectNode problem = PortalHttp.JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        reply.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        reply.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        reply.setBody(problem.toString());
    }

    /** An authenticated delivery without what the mapping needs: 400, naming the setting. */
    static final class Malformed extends RuntimeException {
        Malformed(String detail) {
            super(detail);
        }
    }
}
