package org.blackstart.testkit;

import java.util.Map;

/**
 * How one external task ended in the {@link BridgeHarness}.
 *
 * @param outcome         completed, business error, or incident (failure with no retries left)
 * @param variables       the process variables after the task
 * @param errorCode       the BPMN error code, for {@link Outcome#BUSINESS_ERROR}
 * @param incidentMessage the failure message Cockpit shows, for {@link Outcome#INCIDENT}
 */
public record TaskRun(Outcome outcome, Map<String, Object> variables, String errorCode, String incidentMessage) {

    public enum Outcome { COMPLETED, BUSINESS_ERROR, INCIDENT }
}
