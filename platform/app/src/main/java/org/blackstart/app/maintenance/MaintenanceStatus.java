package org.blackstart.app.maintenance;

import java.time.Clock;
import org.blackstart.app.statuspage.StatusChanged;
import org.blackstart.app.statuspage.StatusStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code ${maintenanceStatus}} in {@code scheduled-maintenance.bpmn}: the window's state on the status
 * page, as the process moves. In the engine's transaction, so the page and the process agree.
 */
@Component("maintenanceStatus")
class MaintenanceStatus implements JavaDelegate {

    private final MaintenanceStore store;
    private final StatusStore status;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MaintenanceStatus(MaintenanceStore store, StatusStore status, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.status = status;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        String state = String.valueOf(execution.getVariable("maintenanceState"));
        Maintenance maintenance = store.find(key).orElseThrow(() -> new IllegalStateException(
                "maintenance " + key + " is not in bs_maintenance"));
        store.state(key, state, clock.instant());
        switch (state) {
            // Only the status page says so: customers were told when it starts, in the announcement and reminder.
            case "in-progress" -> status.saveUpdate(key, "started", "maintenance-started", "The maintenance has started: "
                    + maintenance.title() + "." + (maintenance.advice() == null ? "" : "\n" + maintenance.advice()), clock.instant());
            case "completed" -> status.saveUpdate(key, "completed", "maintenance-completed",
                    "The maintenance is complete: " + maintenance.title() + ".", clock.instant());
            case "cancelled" -> status.saveUpdate(key, "cancelled", "maintenance-cancelled",
                    "The maintenance is cancelled: " + maintenance.title() + ".", clock.instant());
            default -> throw new IllegalArgumentException("unknown maintenance state '" + state + "' in " + key);
        }
        events.publishEvent(new StatusChanged(key));
    }
}
