package org.blackstart.app.deferred;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.DeferredJob;
import org.blackstart.spi.DeferredJobs;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The jobs of one review, as the scheduler listed them, and what was proposed, approved and decided for each. */
final class DelayedJobs {

    static final String PROPOSAL = "proposal_";
    static final String APPROVED = "approved_";
    static final String DECISION = "decision_";
    static final String RUN = "run";
    static final String ASK = "ask";
    static final String CANCEL = "cancel";
    static final List<String> PROPOSALS = List.of(RUN, ASK, CANCEL);

    private DelayedJobs() {
    }

    /** By id, in the scheduler's order. */
    static Map<String, DeferredJob> of(VariableScope scope) {
        return decode(scope.getVariable(DeferredJobs.Results.JOBS));
    }

    /** @param encoded the value of the {@code deferredJobs} variable */
    static Map<String, DeferredJob> decode(Object encoded) {
        Map<String, DeferredJob> jobs = new LinkedHashMap<>();
        for (DeferredJob job : DeferredJobs.decode(encoded instanceof byte[] bytes ? bytes : null)) {
            jobs.putIfAbsent(job.id(), job);
        }
        return jobs;
    }

    static DeferredJob one(VariableScope scope, String id) {
        DeferredJob job = of(scope).get(id);
        if (job == null) {
            throw new IllegalArgumentException("job " + id + " is not one of this review's jobs");
        }
        return job;
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
