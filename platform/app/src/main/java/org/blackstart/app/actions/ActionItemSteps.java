package org.blackstart.app.actions;

import java.time.Clock;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.ActionTicket;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code action-item.bpmn} that write the platform's own records, in the engine's transaction:
 * the ticket the tracker opened, and the item done.
 */
// Public, with public methods: the engine's expression language calls only those.
@Component("actionItemSteps")
public class ActionItemSteps {

    private final ActionItemStore store;
    private final Timeline timeline;
    private final Clock clock;

    ActionItemSteps(ActionItemStore store, Timeline timeline, Clock clock) {
        this.store = store;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** {@code RecordTicket}: keeps what {@code actions.ticket.open} answered on the item's row. */
    public void ticketOpened(DelegateExecution execution) {
        long id = id(execution);
        String system = text(execution, ActionTicket.Results.TICKET_SYSTEM);
        String key = text(execution, ActionTicket.Results.TICKET_KEY);
        if (system == null || key == null) {
            throw new IllegalStateException("actions.ticket.open completed action item #" + id + " without "
                    + ActionTicket.Results.TICKET_SYSTEM + " and " + ActionTicket.Results.TICKET_KEY);
        }
        store.ticketOpened(id, system, key, text(execution, ActionTicket.Results.TICKET_URL));
        timeline.record(execution.getProcessBusinessKey(), TimelineKind.ACTION_ITEM, null, null, system,
                "action item #" + id + ": ticket " + key + " opened in " + system);
    }

    /**
     * {@code MarkDone}: the owner completed the task, someone marked it done through the API
     * ({@code closedBy}), or the tracker closed its ticket ({@code closedByTracker}).
     */
    public void done(DelegateExecution execution) {
        long id = id(execution);
        String by = text(execution, "closedBy");
        if (by == null) {
            Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            by = user == null || user.getUserId() == null ? "system" : user.getUserId();
        }
        if (!store.markDone(id, by, clock.instant())) {
            return;
        }
        ActionItem item = store.find(id).orElseThrow();
        String how = Boolean.TRUE.equals(execution.getVariable("closedByTracker"))
                ? "done: ticket " + item.ticketKey() + " closed in " + item.ticketSystem() + " by " + by
                : "done, closed by " + by;
        timeline.record(item.incidentKey(), TimelineKind.ACTION_ITEM, null, null, by, item.describe() + " " + how);
    }

    private static long id(DelegateExecution execution) {
        Object id = execution.getVariable(ActionTicket.Variables.ITEM_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("action-item instance " + execution.getProcessInstanceId() + " has no "
                    + ActionTicket.Variables.ITEM_ID);
        }
        return number.longValue();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
