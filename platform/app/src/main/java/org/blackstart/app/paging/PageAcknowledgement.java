package org.blackstart.app.paging;

import java.util.HashMap;
import java.util.Map;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.spi.Paging;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Acknowledges the page of an incident for someone who is not on the phone: the API, a script. */
@Service
public class PageAcknowledgement {

    static final String NOTE = "acknowledgedNote";
    private static final int ATTEMPTS = 5;

    private final RuntimeService runtime;
    private final IncidentRepository incidents;

    public PageAcknowledgement(RuntimeService runtime, IncidentRepository incidents) {
        this.runtime = runtime;
        this.incidents = incidents;
    }

    /**
     * @throws IncidentNotFoundException when there is no such incident
     * @throws NothingPagedException     when the incident is not paging anyone now
     */
    public void acknowledge(String incidentKey, String userId, String via, String note) {
        incidents.find(incidentKey).orElseThrow(() -> new IncidentNotFoundException(incidentKey));
        Map<String, Object> variables = new HashMap<>();
        variables.put(Paging.ACKNOWLEDGED_BY, userId);
        variables.put(Paging.ACKNOWLEDGED_VIA, via);
        if (note != null && !note.isBlank()) {
            variables.put(NOTE, note.strip());
        }
        // Runs as the platform: anyone who may log in may stop the paging, as a keypress could.
        if (correlate(incidentKey, variables) == 0) {
            throw new NothingPagedException(incidentKey);
        }
    }

    /**
     * The paging process may be finishing a call or a text at this very moment (a plugin completing its
     * task); the engine then refuses the acknowledgement whole, with nothing changed, and it is simply
     * tried again: the person who answered must not get an error for answering while the phone rang.
     */
    private int correlate(String incidentKey, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runtime.createMessageCorrelation(Paging.ACKNOWLEDGED).processInstanceBusinessKey(incidentKey)
                        .setVariables(variables).correlateAllWithResult().size();
            } catch (OptimisticLockingException concurrentStep) {
                if (attempt == ATTEMPTS) {
                    throw concurrentStep;
                }
            }
        }
    }
}
