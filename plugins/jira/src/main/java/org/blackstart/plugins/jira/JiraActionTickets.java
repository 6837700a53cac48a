package org.blackstart.plugins.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.blackstart.spi.ActionTicket;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskResult;

/**
 * Opens and closes action items' issues in the team's Jira effectively once. Each step is claimed in the
 * delivery ledger under {@link ActionTicket#deliveryKey}; the issue carries a label derived from that key, so
 * a retry after a crash between Jira's answer and the ledger's mark finds the issue instead of creating a second.
 */
final class JiraActionTickets {

    static final int SUMMARY_LIMIT = 255;

    private final JiraIssues issues;
    private final DeliveryLedger ledger;
    private final Duration claimLease;

    JiraActionTickets(JiraIssues issues, DeliveryLedger ledger, Duration claimLease) {
        this.issues = issues;
        this.ledger = ledger;
        this.claimLease = claimLease;
    }

    TaskResult open(ActionTicket item) {
        DeliveryKey key = item.deliveryKey(JiraCases.SYSTEM, "open");
        String reference = JiraCases.reference(key);
        return switch (ledger.claim(key, claimLease)) {
            case ALREADY_SENT -> opened(ledger.sentReference(key)
                    .or(() -> issues.findByLabel(reference).map(JiraIssues.Issue::key))
                    .orElseThrow(() -> new JiraApiException("the ledger says the issue of action item #" + item.itemId()
                            + " of " + item.incidentKey() + " was created, but the team's Jira has no issue labelled "
                            + reference, 0)));
            case IN_PROGRESS -> throw inProgress(item);
            case SEND -> sending(key, () -> {
                String issueKey = issues.findByLabel(reference).map(JiraIssues.Issue::key).orElseGet(() -> {
                    List<String> labels = new ArrayList<>(issues.actions().labels());
                    labels.add(reference);
                    return issues.create(summary(item), description(item), item.dueOn(), labels).key();
                });
                ledger.markSent(key, issueKey);
                return opened(issueKey);
            });
        };
    }

    TaskResult close(ActionTicket item) {
        if (item.ticketKey() == null || item.ticketKey().isBlank()) {
            throw new IllegalArgumentException("action item #" + item.itemId() + " of " + item.incidentKey()
                    + " has no ticketKey; its issue must be opened first");
        }
        String issueKey = item.ticketKey().strip();
        DeliveryKey key = item.deliveryKey(JiraCases.SYSTEM, "close");
        return switch (ledger.claim(key, claimLease)) {
            case ALREADY_SENT -> TaskResult.empty();
            case IN_PROGRESS -> throw inProgress(item);
            case SEND -> sending(key, () -> {
                if (!issues.isDone(issueKey)) {
                    issues.finish(issueKey);
                }
                ledger.markSent(key, issueKey);
                return TaskResult.empty();
            });
        };
    }

    private TaskResult opened(String issueKey) {
        return TaskResult.of(ActionTicket.Results.TICKET_SYSTEM, JiraCases.SYSTEM)
                .and(ActionTicket.Results.TICKET_KEY, issueKey)
                .and(ActionTicket.Results.TICKET_URL, issues.browseUrl(issueKey));
    }

    private TaskResult sending(DeliveryKey key, Supplier<TaskResult> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            // Whatever failed, the retry must be free to look again: give the claim back at once.
            ledger.release(key, e.getClass().getSimpleName());
            throw e;
        }
    }

    private RetryLater inProgress(ActionTicket item) {
        return new RetryLater(claimLease, "another worker is writing the issue of action item #" + item.itemId() + " of "
                + item.incidentKey() + " right now");
    }

    /** {@code [INC-2026-0042] Add second feed to rack B}, cut to what Jira accepts. */
    static String summary(ActionTicket item) {
        String summary = "[" + item.incidentKey() + "] " + item.title().strip().replaceAll("\\s+", " ");
        return summary.length() > SUMMARY_LIMIT ? summary.substring(0, SUMMARY_LIMIT - 3) + "..." : summary;
    }

    /** The issue's description in Atlassian Document Format: what, whose, by when, and the incident's page. */
    static JsonNode description(ActionTicket item) {
        ObjectNode doc = JiraHttp.JSON.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        paragraph(content).addObject().put("type", "text").put("text", "Action item #" + item.itemId() + " ("
                + item.kind() + ") from the postmortem of " + item.incidentKey() + ", owned by " + item.owner()
                + (item.dueOn() == null ? "." : ", due on " + item.dueOn() + "."));
        if (!item.link().isBlank()) {
            ArrayNode line = paragraph(content);
            line.addObject().put("type", "text").put("text", "Incident: ");
            ObjectNode link = line.addObject().put("type", "text").put("text", item.link());
            link.putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", item.link());
        }
        paragraph(content).addObject().put("type", "text").put("text",
                "Resolving this issue closes the action item in Blackstart.");
        return doc;
    }

    private static ArrayNode paragraph(ArrayNode content) {
        return content.addObject().put("type", "paragraph").putArray("content");
    }
}
