package org.blackstart.app.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.blackstart.app.bridge.JdbcStartGuard;
import org.blackstart.spi.StartOutcome;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Declares incidents: one process instance each, started as the person who declared it. */
@Service
public class IncidentService {

    public static final String PROCESS_KEY = "major-incident";

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final JdbcStartGuard startGuard;
    private final IncidentRepository incidents;

    public IncidentService(RuntimeService runtime, IdentityService identity, JdbcStartGuard startGuard,
                           IncidentRepository incidents) {
        this.runtime = runtime;
        this.identity = identity;
        this.startGuard = startGuard;
        this.incidents = incidents;
    }

    /**
     * @param idempotencyKey optional; the same key twice returns the incident the first call opened
     * @return the incident and whether this call created it
     */
    public Declared declare(DeclareIncidentRequest request, String userId, List<String> groups, String idempotencyKey) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", request.title().strip());
        putIfPresent(variables, "summary", request.summary());
        putIfPresent(variables, "severity", request.severity() == null ? null : request.severity().name());
        putIfPresent(variables, "affectedServices", request.affectedServices());
        putIfPresent(variables, "customerImpact", request.customerImpact());
        putIfPresent(variables, "escalationPolicy", request.escalationPolicy());
        variables.put("declaredBy", userId);
        if (Boolean.TRUE.equals(request.test())) {
            variables.put(IncidentRepository.TEST_VARIABLE, true);
        }

        // The engine checks the declarer's authorizations, as it would in Tasklist.
        identity.setAuthentication(userId, groups);
        try {
            Supplier<StartOutcome> start = () -> {
                ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, variables);
                return new StartOutcome(instance.getId(), instance.getBusinessKey(), true);
            };
            StartOutcome outcome = idempotencyKey == null || idempotencyKey.isBlank()
                    ? start.get()
                    : startGuard.startOnce("api:" + userId + ":" + idempotencyKey, start);
            IncidentRecord record = incidents.find(outcome.businessKey())
                    .orElseThrow(() -> new IllegalStateException("incident " + outcome.businessKey() + " was started but has no record"));
            return new Declared(record, outcome.created());
        } finally {
            identity.clearAuthentication();
        }
    }

    public record Declared(IncidentRecord incident, boolean created) {
    }

    private static void putIfPresent(Map<String, Object> variables, String name, String value) {
        if (value != null && !value.isBlank()) {
            variables.put(name, value.strip());
        }
    }
}
