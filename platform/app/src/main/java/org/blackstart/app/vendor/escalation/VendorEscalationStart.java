package org.blackstart.app.vendor.escalation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.incident.Severity;
import org.blackstart.app.vendor.registry.Vendor;
import org.blackstart.app.vendor.registry.VendorProblem;
import org.blackstart.app.vendor.registry.VendorRegistry;
import org.blackstart.spi.vendor.VendorCase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the {@code vendor-escalation} process for an incident and a vendor of the registry: one
 * running escalation per incident and vendor, so that a vendor never gets two cases for one outage.
 * What the process needs of the vendor (ticketing system, response time for the incident's
 * severity, duty manager) is copied into its variables at the start: a registry edit during the
 * outage does not change an escalation under way.
 */
@Component("vendorEscalationStart")
public class VendorEscalationStart implements JavaDelegate {

    public static final String PROCESS_KEY = "vendor-escalation";
    /** The severity an incident is escalated with before triage has set one. */
    static final Severity UNTRIAGED = Severity.SEV3;

    private final IncidentRepository incidents;
    private final VendorRegistry vendors;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    VendorEscalationStart(IncidentRepository incidents, VendorRegistry vendors, RuntimeService runtime,
                          IdentityService identity, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.incidents = incidents;
        this.vendors = vendors;
        this.runtime = runtime;
        this.identity = identity;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * @param subject the case's title; {@code <incident>: <title>} when blank
     * @param text    what the commander tells the vendor; may be blank (the evidence follows anyway)
     * @param userId  who escalates, recorded with the case
     * @return the process instance id
     */
    public String start(String incidentKey, String vendorId, String subject, String text, String userId) {
        IncidentRecord incident = incidents.find(incidentKey).orElseThrow(() -> new IncidentNotFoundException(incidentKey));
        Vendor vendor = vendors.find(vendorId).orElseThrow(() -> VendorProblem.notFound(vendorId)).vendor();
        if ("closed".equals(incident.status())) {
            throw VendorProblem.of(HttpStatus.BAD_REQUEST, "Incident closed",
                    "incident " + incidentKey + " is closed; a vendor is escalated to only while it is open");
        }
        Map<String, Object> variables = variables(incident, vendor, subject, text, userId);
        return transactions.execute(tx -> {
            // Two commanders escalating at once: the incident row orders them on every node, and the
            // second sees the first one's instance.
            jdbc.queryForList("SELECT incident_key FROM bs_incident WHERE incident_key = ? FOR UPDATE", incidentKey);
            refuseWhileRunning(incidentKey, vendorId);
            // The API's rule (commanders and admins) and the checks above stand for the engine's: no group may
            // start vendor-escalation directly (GroupAuthorizations), so it starts without the caller's authorizations.
            identity.clearAuthentication();
            try {
                return runtime.startProcessInstanceByKey(PROCESS_KEY, incidentKey, variables).getId();
            } catch (NullValueException notDeployed) {
                throw VendorProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "Not deployed",
                        "the " + PROCESS_KEY + " process is not deployed on this node");
            } finally {
                identity.clearAuthentication();
            }
        });
    }

    /**
     * The {@code escalate-to-vendor} process's step: Tasklist's start form gave the incident and the vendor.
     * Whatever {@link #start} refuses fails the form's submission with the same reason the API gives.
     */
    @Override
    public void execute(DelegateExecution execution) {
        // A delegate, not an expression: the engine hands its exceptions on unwrapped, so the REST API
        // answers a refusal 400 instead of a 500 around it.
        fromTasklist(execution);
    }

    String fromTasklist(DelegateExecution execution) {
        Authentication commander = identity.getCurrentAuthentication();
        if (commander == null) {
            throw new IllegalStateException("an escalation from Tasklist needs the commander who asked for it");
        }
        String incidentKey = text(execution, "incidentKey");
        String vendorId = text(execution, "vendor");
        try {
            // Refused before start() opens its transaction: a refusal inside it would mark the form's own
            // transaction rollback-only, and the engine would answer 500 instead of the reason.
            IncidentRecord incident = incidents.find(incidentKey).orElseThrow(() -> new IncidentNotFoundException(incidentKey));
            vendors.find(vendorId).orElseThrow(() -> VendorProblem.notFound(vendorId));
            if (!"closed".equals(incident.status())) {
                refuseWhileRunning(incidentKey, vendorId);
            }
            return start(incidentKey, vendorId, text(execution, VendorCase.Variables.SUBJECT),
                    text(execution, VendorCase.Variables.TEXT), commander.getUserId());
        } catch (VendorProblem | IncidentNotFoundException refused) {
            // A form validation failure is what the engine's REST API answers 400 with its message, which
            // Tasklist shows on the form; anything else it answers 500.
            throw new FormFieldValidationException(refused instanceof IncidentNotFoundException ? "incidentKey" : "vendor",
                    refused.getMessage());
        } finally {
            // start() authenticates as the commander for its own start and then clears it; the form's command goes on
            identity.setAuthentication(commander);
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString().strip();
    }

    private void refuseWhileRunning(String incidentKey, String vendorId) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(incidentKey).variableValueEquals(VendorCase.Variables.VENDOR, vendorId)
                .listPage(0, 1).stream().findFirst().orElse(null);
        if (running != null) {
            throw VendorProblem.of(HttpStatus.CONFLICT, "Escalation running", incidentKey + " is already escalated to "
                    + vendorId + " (process instance " + running.getId() + "); work that case, or wait until it is closed");
        }
    }

    static Map<String, Object> variables(IncidentRecord incident, Vendor vendor, String subject, String text, String userId) {
        Severity severity = severity(incident.severity());
        Duration ackSla = vendor.ackSlaFor(severity);
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentKey", incident.key());
        variables.put("title", incident.title());
        variables.put(VendorCase.Variables.SEVERITY, severity.name());
        variables.put(VendorCase.Variables.VENDOR, vendor.id());
        variables.put(VendorCase.Variables.VENDOR_NAME, vendor.name());
        variables.put("vendorKind", vendor.kind().slug());
        variables.put(VendorCase.Variables.SYSTEM, vendor.ticketing().system());
        variables.put(VendorCase.Variables.ACCOUNT, vendor.ticketing().account());
        variables.put(VendorCase.Variables.PRIORITY, severity.ordinal() + 1);
        variables.put(VendorCase.Variables.SUBJECT, subject == null || subject.isBlank()
                ? incident.key() + ": " + incident.title() : subject.strip());
        variables.put(VendorCase.Variables.TEXT, text == null ? "" : text.strip());
        variables.put("ackSla", ackSla.toString());
        variables.put("dutyManagerName", vendor.dutyManager().map(Vendor.Contact::name).orElse(null));
        variables.put("dutyManagerPhone", vendor.dutyManager().map(Vendor.Contact::phone).orElse(null));
        variables.put("escalatedBy", userId);
        return variables;
    }

    private static Severity severity(String severity) {
        if (severity == null) {
            return UNTRIAGED;
        }
        try {
            return Severity.valueOf(severity);
        } catch (IllegalArgumentException unknown) {
            return UNTRIAGED;
        }
    }
}
