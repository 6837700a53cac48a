package org.blackstart.plugins.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/vendor-webhooks/servicenow/{account}}: what a business rule or a Flow Designer
 * REST step on the vendor's instance posts when a case changes or gets a comment. The account's
 * {@code webhook-secret} must come in {@value #SECRET_HEADER}; it is compared in constant time, and
 * without it nothing is read or stored.
 *
 * <pre>{@code
 * {"number": "INC0010001", "sys_id": "...", "state": "3", "on_hold_reason": "1", "close_code": "",
 *  "assigned_to": "Beth Anglin", "sys_updated_on": "2026-12-07 01:02:03", "sys_updated_by": "beth.anglin", "sys_mod_count": "4",
 *  "comment": {"sys_id": "...", "value": "Please send the controller logs", "sys_created_by": "beth.anglin",
 *              "sys_created_on": "2026-12-07 01:02:03"}}
 * }</pre>
 */
class ServiceNowWebhook {

    static final String PATH = "/api/vendor-webhooks/servicenow";
    static final String SECRET_HEADER = "X-Blackstart-Secret";

    /** What to answer the instance. */
    record Answer(int status, String contentType, String body) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowWebhook.class);

    private final ServiceNowAccounts accounts;
    private final VendorInbox inbox;
    private final VendorFiles files;
    private final ObjectMapper json = new ObjectMapper();

    ServiceNowWebhook(ServiceNowAccounts accounts, VendorInbox inbox, VendorFiles files) {
        this.accounts = accounts;
        this.inbox = inbox;
        this.files = files;
    }

    Answer receive(String accountName, String presentedSecret, String body) {
        String instance = PATH + "/" + accountName;
        ServiceNowApi api = accounts.get(accountName);
        if (api == null || !api.account().acceptsWebhooks()) {
            return problem(404, "Not Found", "no ServiceNow account '" + safe(accountName) + "' takes webhooks here",
                    instance);
        }
        if (!sameSecret(api.account().webhookSecret(), presentedSecret)) {
            LOG.warn("BLACKSTART-SERVICENOW-010 refused a webhook for account '{}': {} is {}", accountName, SECRET_HEADER,
                    presentedSecret == null || presentedSecret.isEmpty() ? "missing" : "wrong");
            return problem(401, "Unauthorized", SECRET_HEADER + " is missing or wrong", instance);
        }
        JsonNode event;
        try {
            event = json.readTree(body == null ? "" : body);
        } catch (IOException notJson) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return problem(400, "Bad Request", "the body must be a JSON object with number, sys_id, state and comment",
                    instance);
        }
        CaseEvent.Comment comment = comment(event.get("comment"));
        CaseEvent change = CaseEvent.fromRecord(event, comment);
        if (change.sysId() == null && change.number() == null) {
            return problem(400, "Bad Request", "the body names no case: number and sys_id are both missing", instance);
        }
        if (comment != null && comment.sysId() == null && change.updatedOn() == null) {
            return problem(400, "Bad Request", "a comment needs its sys_id, or the case its sys_updated_on", instance);
        }
        VendorMessage.Kind kind = change.kind(api.account());
        ObjectNode answer = json.createObjectNode();
        if (change.byUs(api.account())) {
            // The business rule fires on our own comments and closes too; those are not the vendor's words.
            answer.put("outcome", "IGNORED").put("reason", "written by the integration user");
            return new Answer(202, "application/json", answer.toString());
        }
        if (kind == null) {
            answer.put("outcome", "IGNORED").put("reason", "nothing the incident team must know");
            return new Answer(202, "application/json", answer.toString());
        }
        VendorFiles.Found found = filesOf(api, change);
        VendorMessage message = change.toMessage(accountName, kind, found.files());
        VendorInbox.Outcome outcome = inbox.receive(message);
        if (outcome != VendorInbox.Outcome.DUPLICATE) {
            files.received(api, found);
        }
        answer.put("outcome", outcome.name()).put("messageId", message.messageId()).put("kind", kind.name());
        return new Answer(202, "application/json", answer.toString());
    }

    /** The vendor's new files on the case; without them when the instance cannot be read right now. */
    private VendorFiles.Found filesOf(ServiceNowApi api, CaseEvent change) {
        try {
            return files.newOn(api, change.sysId(), null);
        } catch (RuntimeException unreadable) {
            // The message matters more than its files; polling, or the next message, brings them.
            LOG.warn("BLACKSTART-SERVICENOW-011 could not read the files of {} on account '{}': {}", change.number(),
                    api.name(), unreadable.getMessage());
            return VendorFiles.Found.NONE;
        }
    }

    private static CaseEvent.Comment comment(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : new CaseEvent.Comment(null, node.asText(), null, null);
        }
        String value = CaseEvent.text(node, "value");
        if (value == null || value.isBlank()) {
            return null;
        }
        return new CaseEvent.Comment(CaseEvent.text(node, "sys_id"), value, CaseEvent.text(node, "sys_created_by"),
                CaseEvent.text(node, "sys_created_on"));
    }

    /** Compares digests, so that neither content nor length of the secret shows in the time taken. */
    static boolean sameSecret(String expected, String presented) {
        if (expected == null || expected.isEmpty() || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private Answer problem(int status, String title, String detail, String instance) {
        ObjectNode problem = json.createObjectNode().put("type", "about:blank").put("title", title)
                .put("status", status).put("detail", detail).put("instance", instance);
        return new Answer(status, "application/problem+json", problem.toString());
    }

    private static String safe(String name) {
        return name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "?");
    }
}
