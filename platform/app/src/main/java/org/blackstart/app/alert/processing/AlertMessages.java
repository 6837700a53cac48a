package org.blackstart.app.alert.processing;

import java.util.Map;
import org.blackstart.spi.Paging;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Messages from alert processing into incident processes, correlated by the incident's business
 * key in the processing transaction. Nothing waiting is not an error: the incident may have
 * moved past the point where it listens.
 */
@Component
public class AlertMessages {

    /** Every alert of an incident opened by alerts has resolved; the commander decides what that means. */
    public static final String ALERTS_RESOLVED = "AlertsResolved";
    /** A monitoring incident's alerts fire again: back to mitigation (see {@code IncidentLifecycle}). */
    public static final String INCIDENT_REOPENED = "IncidentReopened";
    /** How an acknowledgement from an alert source is reported in {@link Paging#ACKNOWLEDGED_VIA}. */
    public static final String VIA_EVENTS = "events";

    private final RuntimeService runtime;

    AlertMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return how many executions took the message */
    int allResolved(String incidentKey, int alertCount) {
        return correlate(ALERTS_RESOLVED, incidentKey, Map.of("resolvedAlertCount", alertCount));
    }

    /**
     * New alerts joined the group of a monitoring incident: the fix did not hold. In the processing transaction, so
     * the alerts and the reopen commit together.
     *
     * @param group how the rule describes the group ({@code dc1/rack-7}), or empty
     */
    int firedAgain(String incidentKey, int count, String group) {
        String reason = count + (count == 1 ? " alert" : " alerts") + " fired again" + (group.isEmpty() ? "" : " in " + group);
        return correlate(INCIDENT_REOPENED, incidentKey, Map.of("reopenReason", reason, "reopenedBy", ProcessingCycle.ACTOR));
    }

    int acknowledged(String incidentKey, String source) {
        return correlate(Paging.ACKNOWLEDGED, incidentKey,
                Map.of(Paging.ACKNOWLEDGED_BY, source, Paging.ACKNOWLEDGED_VIA, VIA_EVENTS));
    }

    private int correlate(String message, String incidentKey, Map<String, Object> variables) {
        return runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(incidentKey)
                .setVariables(variables)
                .correlateAllWithResult()
                .size();
    }
}
