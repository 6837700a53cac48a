package org.blackstart.app.vendor.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The vendor escalations of an incident: what the API lists, and the end of them all when the
 * incident closes ({@code ${vendorEscalations.incidentClosed(execution)}} on major-incident's end).
 */
@Component("vendorEscalations")
public class VendorEscalations {

    /** The message every running escalation of a closed incident gets: it closes the vendor's case. */
    public static final String INCIDENT_CLOSED = "IncidentClosed";

    private static final Logger LOG = LoggerFactory.getLogger(VendorEscalations.class);

    private final RuntimeService runtime;
    private final HistoryService history;

    VendorEscalations(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /**
     * One escalation.
     *
     * @param state      ACTIVE while the case is worked; COMPLETED, EXTERNALLY_TERMINATED, INTERNALLY_TERMINATED after
     * @param caseNumber the vendor's case number once the case is opened
     */
    public record Escalation(String processInstanceId, String vendor, String vendorName, String state, String caseNumber,
                             String caseUrl, String escalatedBy, Instant startedAt, Instant endedAt) {
    }

    /** Tells every running escalation of the execution's incident that it is closed; none running is fine. */
    public void incidentClosed(DelegateExecution execution) {
        String incidentKey = execution.getProcessBusinessKey();
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(VendorEscalationStart.PROCESS_KEY).processInstanceBusinessKey(incidentKey).list();
        for (ProcessInstance instance : running) {
            long waiting = runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                    .eventType("message").eventName(INCIDENT_CLOSED).count();
            if (waiting == 1) {
                runtime.createMessageCorrelation(INCIDENT_CLOSED).processInstanceId(instance.getId()).correlateWithResult();
            } else if (waiting > 1) {
                runtime.createMessageCorrelation(INCIDENT_CLOSED).processInstanceId(instance.getId()).correlateAllWithResult();
            } else {
                // Closing the incident must not fail for it; the case stays for a person to close in Cockpit.
                LOG.warn("BLACKSTART-VENDOR-002 incident {} closed while vendor escalation {} was not waiting for {}; "
                        + "its vendor case is not closed automatically", incidentKey, instance.getId(), INCIDENT_CLOSED);
            }
        }
    }

    /** The incident's escalations, oldest first. */
    public List<Escalation> of(String incidentKey) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(VendorEscalationStart.PROCESS_KEY).processInstanceBusinessKey(incidentKey).list();
        if (instances.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableNameIn("vendor", "vendorName", "vendorCaseNumber", "vendorCaseUrl", "escalatedBy")
                .disableCustomObjectDeserialization().list()
                .forEach(v -> put(variables, v));
        List<Escalation> escalations = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            Map<String, Object> vars = variables.getOrDefault(instance.getId(), Map.of());
            escalations.add(new Escalation(instance.getId(), text(vars.get("vendor")), text(vars.get("vendorName")),
                    instance.getState(), text(vars.get("vendorCaseNumber")), text(vars.get("vendorCaseUrl")),
                    text(vars.get("escalatedBy")), instance.getStartTime().toInstant(),
                    instance.getEndTime() == null ? null : instance.getEndTime().toInstant()));
        }
        escalations.sort(Comparator.comparing(Escalation::startedAt));
        return escalations;
    }

    private static void put(Map<String, Map<String, Object>> into, HistoricVariableInstance variable) {
        // a process-level variable wins over a local one of the same name in a sub-process
        boolean processLevel = variable.getActivityInstanceId() == null
                || variable.getActivityInstanceId().equals(variable.getProcessInstanceId());
        Map<String, Object> vars = into.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>());
        if (processLevel || !vars.containsKey(variable.getName())) {
            vars.put(variable.getName(), variable.getValue());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
