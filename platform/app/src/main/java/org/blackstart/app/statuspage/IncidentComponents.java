package org.blackstart.app.statuspage;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What an incident's components show on the status page when its commander changes course: its
 * severity and services after a re-triage, or a state chosen for one component. Called in the
 * transaction of the change; the page's static copy follows after the commit.
 */
@Component
public class IncidentComponents {

    private final StatusStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentComponents(StatusStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A service added shows its component in the incident's state, a service removed no longer shows
     * the incident; components the commander chose a state for keep it.
     *
     * @return false when the incident is not open on the status page (no notice posted there yet, or resolved)
     */
    public boolean retriaged(String incidentKey, String severity, Collection<String> services) {
        List<String> components = services.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        boolean shown = store.retriage(incidentKey, ComponentState.ofSeverity(severity), components, clock.instant());
        if (shown) {
            events.publishEvent(new StatusChanged(incidentKey));
        }
        return shown;
    }

    /** The state the component shows because of the incident now: the commander's choice, else the severity's. */
    public ComponentState current(String incidentKey, String component, String severity) {
        return store.componentStates(incidentKey).getOrDefault(component, ComponentState.ofSeverity(severity));
    }

    /** The commander's choice, kept until they change it; the page shows it as soon as the incident is on it. */
    public void choose(String incidentKey, String component, ComponentState state, String chosenBy) {
        store.saveComponentState(incidentKey, component, state, chosenBy, clock.instant());
        events.publishEvent(new StatusChanged(incidentKey));
    }
}
