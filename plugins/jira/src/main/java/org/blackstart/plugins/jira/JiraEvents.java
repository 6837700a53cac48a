package org.blackstart.plugins.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.blackstart.spi.vendor.VendorMessage;

/**
 * What a Jira webhook delivery says a vendor did, in the platform's words. Two events matter:
 * {@code jira:issue_updated} with a status or resolution change, and {@code comment_created}.
 * Changes and comments made by our own API user come back too and are ignored, as are internal
 * comments and statuses that mean nothing to the escalation.
 */
final class JiraEvents {

    /** A delivery's meaning: a message for the inbox, or why there is none. */
    record Reading(VendorMessage message, String ignored) {
        static Reading ignore(String why) {
            return new Reading(null, why);
        }
    }

    /** The payload lacks what every delivery of its kind has: 400, naming the field. */
    static final class MalformedEvent extends RuntimeException {
        MalformedEvent(String detail) {
            super(detail);
        }
    }

    /** Jira's timestamps: {@code 2026-11-23T09:30:00.000+0000}. */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private static final Pattern OUR_SIGNATURE = Pattern.compile("\\(ref bs-[0-9a-f]{16}\\)$");

    private JiraEvents() {
    }

    static Reading read(String accountName, JiraProperties.Account account, JsonNode event) {
        String type = event.path("webhookEvent").asText("");
        return switch (type) {
            case "comment_created" -> comment(accountName, account, event);
            case "jira:issue_updated" -> update(accountName, account, event);
            default -> Reading.ignore("event " + (type.isBlank() ? "without webhookEvent" : type) + " is not used");
        };
    }

    private static Reading comment(String accountName, JiraProperties.Account account, JsonNode event) {
        JsonNode issue = required(event, "issue");
        JsonNode comment = required(event, "comment");
        String body = comment.path("body").asText("");
        // Our comments end with their step's reference; a vendor quoting one writes after it.
        if (ours(account, comment.path("author")) || OUR_SIGNATURE.matcher(body.strip()).find()) {
            return Reading.ignore("our own comment");
        }
        if (comment.has("jsdPublic") && !comment.path("jsdPublic").asBoolean(true)) {
            return Reading.ignore("an internal comment of the vendor's agents");
        }
        String status = status(issue);
        VendorMessage.Kind kind = in(account.requestStatuses(), status) ? VendorMessage.Kind.REQUEST : VendorMessage.Kind.REPLY;
        return new Reading(new VendorMessage(JiraCases.SYSTEM, accountName, issueKey(issue),
                accountName + ":comment:" + text(comment, "id", "comment.id"), kind,
                comment.path("author").path("displayName").asText(null), summary(issue), body, status,
                time(comment.path("created").asText(null), event), List.of()), null);
    }

    private static Reading update(String accountName, JiraProperties.Account account, JsonNode event) {
        JsonNode issue = required(event, "issue");
        if (ours(account, event.path("user"))) {
            return Reading.ignore("our own change");
        }
        JsonNode changelog = event.path("changelog");
        String statusFrom = null;
        String statusTo = null;
        String resolution = null;
        for (JsonNode item : changelog.path("items")) {
            String field = item.path("field").asText("");
            if ("status".equalsIgnoreCase(field)) {
                statusFrom = item.path("fromString").asText(null);
                statusTo = item.path("toString").asText(null);
            } else if ("resolution".equalsIgnoreCase(field)) {
                resolution = item.path("toString").asText(null);
            }
        }
        if (statusTo == null && resolution == null) {
            return Reading.ignore("no status or resolution change");
        }
        if (resolution == null) {
            resolution = issue.path("fields").path("resolution").path("name").asText(null);
        }
        VendorMessage.Kind kind = kind(account, statusTo, resolution);
        if (kind == null) {
            return Reading.ignore("status " + statusTo + " means nothing to the escalation");
        }
        if (kind == VendorMessage.Kind.REQUEST && event.path("comment").isObject()) {
            // A step taken with a comment ("Respond to customer") also arrives as comment_created, which
            // carries the question; taking this one too would ask the commander the same thing twice.
            return Reading.ignore("the comment made with this change is its own delivery");
        }
        String status = statusTo != null ? statusTo : status(issue);
        StringBuilder text = new StringBuilder();
        if (statusTo != null) {
            text.append("Status changed").append(statusFrom == null ? "" : " from " + statusFrom).append(" to ").append(statusTo);
        }
        if (resolution != null) {
            text.append(text.isEmpty() ? "Resolution: " : " (resolution: ").append(resolution)
                    .append(statusTo == null ? "" : ")");
        }
        String messageId = accountName + ":issue:" + text(issue, "id", "issue.id") + ":changelog:"
                + text(changelog, "id", "changelog.id");
        return new Reading(new VendorMessage(JiraCases.SYSTEM, accountName, issueKey(issue), messageId, kind,
                event.path("user").path("displayName").asText(null), summary(issue), text.toString(), status,
                time(null, event), List.of()), null);
    }

    private static VendorMessage.Kind kind(JiraProperties.Account account, String status, String resolution) {
        if (resolution != null && in(account.disputeResolutions(), resolution)) {
            return VendorMessage.Kind.DISPUTE;
        }
        if (status == null) {
            return null;
        }
        if (in(account.resolvedStatuses(), status)) {
            return VendorMessage.Kind.RESOLVED;
        }
        if (in(account.closedStatuses(), status)) {
            return VendorMessage.Kind.CLOSED;
        }
        if (in(account.requestStatuses(), status)) {
            return VendorMessage.Kind.REQUEST;
        }
        if (in(account.acknowledgedStatuses(), status)) {
            return VendorMessage.Kind.ACKNOWLEDGED;
        }
        return null;
    }

    private static boolean ours(JiraProperties.Account account, JsonNode user) {
        String accountId = user.path("accountId").asText("");
        String email = user.path("emailAddress").asText("");
        return (JiraProperties.Account.present(account.ownAccountId()) && account.ownAccountId().equals(accountId))
                || (JiraProperties.Account.present(account.email()) && account.email().equalsIgnoreCase(email));
    }

    private static boolean in(List<String> names, String value) {
        return value != null && names.stream().anyMatch(name -> name.equalsIgnoreCase(value.strip()));
    }

    private static String issueKey(JsonNode issue) {
        return text(issue, "key", "issue.key");
    }

    private static String status(JsonNode issue) {
        return issue.path("fields").path("status").path("name").asText(null);
    }

    private static String summary(JsonNode issue) {
        return issue.path("fields").path("summary").asText("");
    }

    private static JsonNode required(JsonNode event, String field) {
        JsonNode node = event.path(field);
        if (!node.isObject()) {
            throw new MalformedEvent("the delivery has no " + field + " object");
        }
        return node;
    }

    private static String text(JsonNode node, String field, String name) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new MalformedEvent("the delivery has no " + name);
        }
        return value.asText();
    }

    private static Instant time(String jiraTime, JsonNode event) {
        if (jiraTime != null) {
            try {
                return OffsetDateTime.parse(jiraTime, JIRA_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                // Fall back to the delivery's own timestamp.
            }
        }
        JsonNode timestamp = event.path("timestamp");
        return timestamp.canConvertToLong() ? Instant.ofEpochMilli(timestamp.asLong()) : null;
    }

}
