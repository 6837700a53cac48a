package org.blackstart.plugins.jira;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a webhook delivery from the team's own Jira means for action items: {@code jira:issue_updated} whose
 * status change puts the issue in Jira's "done" category closes the item of that issue. Everything else, and
 * our own API user's changes coming back, is ignored.
 */
final class JiraActionEvents {

    /** A delivery's meaning: the issue a person finished and who, or why it means nothing. */
    record Reading(String issueKey, String closedBy, String ignored) {
        static Reading ignore(String why) {
            return new Reading(null, null, why);
        }
    }

    private JiraActionEvents() {
    }

    static Reading read(JiraProperties.Actions actions, JsonNode event) {
        String type = event.path("webhookEvent").asText("");
        if (!"jira:issue_updated".equals(type)) {
            return Reading.ignore("event " + (type.isBlank() ? "without webhookEvent" : type) + " is not used");
        }
        JsonNode issue = event.path("issue");
        if (!issue.isObject()) {
            throw new JiraEvents.MalformedEvent("the delivery has no issue object");
        }
        String key = issue.path("key").asText("");
        if (key.isBlank()) {
            throw new JiraEvents.MalformedEvent("the delivery has no issue.key");
        }
        JsonNode user = event.path("user");
        if (ours(actions, user)) {
            return Reading.ignore("our own change");
        }
        boolean statusChanged = false;
        for (JsonNode item : event.path("changelog").path("items")) {
            statusChanged |= "status".equalsIgnoreCase(item.path("field").asText(""));
        }
        if (!statusChanged) {
            return Reading.ignore("no status change");
        }
        JsonNode status = issue.path("fields").path("status");
        if (!"done".equalsIgnoreCase(status.path("statusCategory").path("key").asText(""))) {
            return Reading.ignore("status " + status.path("name").asText("?") + " is not done");
        }
        String by = user.path("displayName").asText("");
        return new Reading(key, by.isBlank() ? null : by, null);
    }

    private static boolean ours(JiraProperties.Actions actions, JsonNode user) {
        String accountId = user.path("accountId").asText("");
        String email = user.path("emailAddress").asText("");
        return (JiraProperties.Account.present(actions.ownAccountId()) && actions.ownAccountId().equals(accountId))
                || (JiraProperties.Account.present(actions.email()) && actions.email().equalsIgnoreCase(email));
    }
}
