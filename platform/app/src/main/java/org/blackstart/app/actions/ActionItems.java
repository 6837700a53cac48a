package org.blackstart.app.actions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.statuspage.StatusPageProperties;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.ActionTicket;
import org.blackstart.spi.ActionTickets;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.Topics;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Action items of incidents: recorded by commanders, each followed by an {@code action-item} process started in
 * the same transaction (business key = the incident key, variable {@code actionItemId}), done by its owner, a
 * commander or the team's tracker. Every change leaves an {@code ACTION_ITEM} line on the incident's timeline.
 */
@Service
public class ActionItems implements ActionTickets {

    static final String PROCESS_KEY = "action-item";
    static final String DONE_MESSAGE = "ActionItemDone";
    static final String TICKET_CLOSED_MESSAGE = "ActionTicketClosed";
    static final Set<String> KINDS = Set.of("mitigate", "prevent", "detect");
    static final int TITLE_LIMIT = 300;

    private static final Logger LOG = LoggerFactory.getLogger(ActionItems.class);

    private final ActionItemStore store;
    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final ObjectProvider<BlackstartPlugin> plugins;
    private final StatusPageProperties statusPage;
    private final ActionItemsProperties properties;
    private final Clock clock;

    ActionItems(ActionItemStore store, IncidentRepository incidents, Timeline timeline, IdentityService identity,
                RuntimeService runtime, TransactionTemplate transactions, ObjectProvider<BlackstartPlugin> plugins,
                StatusPageProperties statusPage, ActionItemsProperties properties, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.timeline = timeline;
        this.identity = identity;
        this.runtime = runtime;
        this.transactions = transactions;
        this.plugins = plugins;
        this.statusPage = statusPage;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records an item of incident {@code incidentKey} and starts its process.
     *
     * @throws IncidentNotFoundException when there is no such incident
     */
    public ActionItem create(String incidentKey, ActionItemRequest request, String createdBy) {
        IncidentRecord incident = incidents.find(incidentKey).orElseThrow(() -> new IncidentNotFoundException(incidentKey));
        Valid valid = validated(request, incident);
        boolean tracker = trackerServes();
        long id = transactions.execute(tx -> {
            Instant now = clock.instant();
            long itemId = store.insert(incidentKey, valid.title(), valid.kind(), valid.owner(), valid.dueOn(), createdBy, now);
            ActionItem item = store.find(itemId).orElseThrow();
            timeline.record(incidentKey, TimelineKind.ACTION_ITEM, null, null, createdBy,
                    item.describe() + " for " + item.owner() + ", due " + item.dueOn());
            String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, incidentKey, variables(item, tracker))
                    .getProcessInstanceId();
            store.processStarted(itemId, instance);
            return itemId;
        });
        return store.find(id).orElseThrow();
    }

    /**
     * Marks an open item done for {@code user}: its owner, or a commander ({@code commands}).
     */
    public ActionItem done(long id, String user, boolean commands) {
        ActionItem item = store.find(id).orElseThrow(() -> ActionItemProblem.notFound("no action item " + id));
        if (!commands && !item.owner().equals(user)) {
            throw ActionItemProblem.forbidden("action item #" + id + " belongs to " + item.owner()
                    + "; only its owner or a commander marks it done");
        }
        if (!ActionItem.OPEN.equals(item.status())) {
            throw ActionItemProblem.conflict("action item #" + id + " is done already (closed by " + item.closedBy() + ")");
        }
        transactions.executeWithoutResult(tx -> {
            try {
                runtime.createMessageCorrelation(DONE_MESSAGE).processInstanceId(store.processInstanceId(id))
                        .setVariable("closedBy", user).correlate();
            } catch (MismatchingMessageCorrelationException busy) {
                if (store.find(id).map(now -> !ActionItem.OPEN.equals(now.status())).orElse(true)) {
                    throw ActionItemProblem.conflict("action item #" + id + " was closed a moment ago");
                }
                throw ActionItemProblem.conflict("action item #" + id + " is still having its ticket opened in the "
                        + "team's tracker; try again in a moment");
            }
        });
        return store.find(id).orElseThrow();
    }

    /** Items by {@code status} ({@code open}, {@code overdue}, {@code done}, or {@code null} for all), of one incident or all. */
    public List<ActionItem> list(String status, String incidentKey) {
        if (status != null && !Set.of("open", "overdue", "done").contains(status)) {
            throw ActionItemProblem.invalid("status must be open, overdue or done, was '" + status + "'");
        }
        String stored = "overdue".equals(status) ? ActionItem.OPEN : status;
        List<ActionItem> items = store.list(stored, incidentKey == null || incidentKey.isBlank() ? null : incidentKey);
        return "overdue".equals(status) ? items.stream().filter(ActionItem::overdue).toList() : items;
    }

    /** The items of one incident, in the order they were recorded. */
    public List<ActionItem> ofIncident(String incidentKey) {
        return store.ofIncident(incidentKey);
    }

    @Override
    public Outcome closed(String system, String ticketKey, String closedBy) {
        return transactions.execute(tx -> {
            ActionItem item = store.findByTicket(system, ticketKey).orElse(null);
            if (item == null) {
                LOG.info("BLACKSTART-ACTIONS-001 {} reports ticket {} closed; no action item has it, nothing changed",
                        system, ticketKey);
                return Outcome.UNKNOWN;
            }
            if (!ActionItem.OPEN.equals(item.status())) {
                return Outcome.ALREADY_DONE;
            }
            int matched = runtime.createMessageCorrelation(TICKET_CLOSED_MESSAGE)
                    .processInstanceId(store.processInstanceId(item.id()))
                    .setVariable("closedBy", closedBy == null || closedBy.isBlank() ? system : closedBy)
                    .setVariable("closedByTracker", true).correlateAllWithResult().size();
            if (matched == 0) {
                LOG.warn("BLACKSTART-ACTIONS-002 {} reports ticket {} of action item #{} closed, but its process waits "
                        + "for nothing that takes it; the item stays open", system, ticketKey, item.id());
                return Outcome.ALREADY_DONE;
            }
            return Outcome.CLOSED;
        });
    }

    private Map<String, Object> variables(ActionItem item, boolean tracker) {
        Instant dueAt = store.dueAt(item.dueOn()).toInstant();
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentKey", item.incidentKey());
        variables.put(ActionTicket.Variables.ITEM_ID, item.id());
        variables.put(ActionTicket.Variables.TITLE, item.title());
        variables.put(ActionTicket.Variables.KIND, item.kind());
        variables.put(ActionTicket.Variables.OWNER, item.owner());
        variables.put(ActionTicket.Variables.DUE_ON, item.dueOn().toString());
        variables.put(ActionTicket.Variables.LINK, statusPage.url("/incidents/" + item.incidentKey()));
        variables.put("actionDueAt", Date.from(dueAt));
        // Due sooner than the reminder period: the owner is reminded at once, which is what such an item needs.
        variables.put("actionReminderAt", Date.from(dueAt.minus(properties.reminderBefore())));
        variables.put("ticketTracker", tracker);
        variables.put(ActionTicket.Results.TICKET_SYSTEM, null);
        variables.put(ActionTicket.Results.TICKET_KEY, null);
        variables.put("closedByTracker", false);
        variables.put("closedBy", null);
        return variables;
    }

    /** Whether an active plugin serves the tracker's topic; the platform asks for the capability, never a vendor. */
    private boolean trackerServes() {
        return plugins.orderedStream().anyMatch(plugin -> plugin.descriptor().topics().contains(Topics.ACTIONS_TICKET_OPEN));
    }

    private record Valid(String title, String owner, String kind, LocalDate dueOn) {
    }

    private Valid validated(ActionItemRequest request, IncidentRecord incident) {
        if (request == null) {
            throw ActionItemProblem.invalid("request body is missing");
        }
        String title = request.title() == null ? "" : request.title().strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw ActionItemProblem.invalid("title is required");
        }
        if (title.length() > TITLE_LIMIT) {
            throw ActionItemProblem.invalid("title has " + title.length() + " characters; at most " + TITLE_LIMIT);
        }
        String kind = request.kind() == null ? "" : request.kind().strip();
        if (!KINDS.contains(kind)) {
            throw ActionItemProblem.invalid("kind must be mitigate, prevent or detect, was '" + kind + "'");
        }
        String owner = request.owner() == null ? "" : request.owner().strip();
        if (owner.isEmpty() || identity.createUserQuery().userId(owner).count() != 1) {
            throw ActionItemProblem.invalid("owner must be the id of a platform user, was '" + owner + "'");
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate dueOn = request.dueOn() != null ? request.dueOn()
                : today.plus(properties.due().forSeverity(incident.severity()));
        if (dueOn.isBefore(today)) {
            throw ActionItemProblem.invalid("dueOn " + dueOn + " is in the past (today is " + today + ")");
        }
        return new Valid(title, owner, kind, dueOn);
    }
}
