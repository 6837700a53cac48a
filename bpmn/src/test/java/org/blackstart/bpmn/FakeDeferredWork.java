package org.blackstart.bpmn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Stands in for the platform's {@code deferredWork}, {@code deferredWorkReview} and {@code deferredCallCheck}
 * beans: the jobs come from {@link #job}, overrides are applied as the platform applies valid ones, and every
 * line says what the process knew when it was asked.
 */
public class FakeDeferredWork {

    record Job(String id, String kind, double hoursLate, String customer) {
    }

    final Map<String, Job> jobs = new LinkedHashMap<>();

    FakeDeferredWork job(String id, String kind, double hoursLate, String customer) {
        jobs.put(id, new Job(id, kind, hoursLate, customer));
        return this;
    }

    public List<String> jobIds(DelegateExecution execution) {
        return new ArrayList<>(jobs.keySet());
    }

    public String selectionKind(DelegateExecution execution, String id) {
        return jobs.get(id).kind();
    }

    public double hoursLate(DelegateExecution execution, String id) {
        return jobs.get(id).hoursLate();
    }

    public String jobField(DelegateExecution execution, String id, String field) {
        Job job = jobs.get(id);
        return switch (field) {
            case "name" -> "Mailing " + id;
            case "customerId", "customerName" -> job.customer();
            case "customerPhone" -> "+3110555" + id.hashCode() % 1000;
            case "customerLanguage" -> "nl";
            default -> field + " of " + id;
        };
    }

    public void summarise(DelegateExecution execution) {
        execution.setVariable("deferredReview", "- " + String.join("\n- ", jobs.keySet().stream()
                .map(id -> id + " " + execution.getVariable("proposal_" + id)).toList()));
        execution.setVariable("deferredReviewMore", "");
    }

    public List<String> askJobIds(DelegateExecution execution) {
        return jobs.keySet().stream().filter(id -> "ask".equals(execution.getVariable("approved_" + id))).toList();
    }

    public void callDecided(DelegateExecution execution, String id) {
        Object decision = execution.getVariable("callDecision");
        execution.setVariable("decision_" + id, "run".equals(decision) ? "run" : "cancel");
    }

    public String listedLine(DelegateExecution execution) {
        return "Found " + execution.getVariable("deferredJobCount") + " delayed jobs";
    }

    public String proposalLine(DelegateExecution execution) {
        return "Proposed: " + counts(execution, "proposal_");
    }

    public String approvalLine(DelegateExecution execution) {
        return "Approved: " + counts(execution, "approved_");
    }

    public String executedLine(DelegateExecution execution, String id) {
        return id + " " + execution.getVariable("jobOutcome");
    }

    public String refusedLine(DelegateExecution execution, String id) {
        return id + " refused: " + execution.getVariable("jobRefusal");
    }

    public String doneLine(DelegateExecution execution) {
        return "All " + jobs.size() + " jobs decided";
    }

    private String counts(DelegateExecution execution, String prefix) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jobs.keySet().forEach(id -> counts.merge(String.valueOf(execution.getVariable(prefix + id)), 1, Integer::sum));
        return counts.toString();
    }

    /** {@code deferredWorkReview}: applies {@code id=decision} overrides, then fixes run and cancel decisions. */
    public class Review implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            Object overrides = task.getVariable("deferredOverrides");
            Map<String, String> changed = new LinkedHashMap<>();
            if (overrides != null) {
                for (String pair : overrides.toString().split("[,\\n]")) {
                    if (pair.contains("=")) {
                        changed.put(pair.split("=")[0].strip(), pair.split("=")[1].strip());
                    }
                }
            }
            for (String id : jobs.keySet()) {
                String approved = changed.getOrDefault(id, String.valueOf(task.getVariable("proposal_" + id)));
                task.getExecution().setVariable("approved_" + id, approved);
                if (!"ask".equals(approved)) {
                    task.getExecution().setVariable("decision_" + id, approved);
                }
            }
        }
    }

    /** {@code deferredCallCheck}: lets every call through; the platform's check is tested with the platform. */
    public static class CallCheck implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
        }
    }
}
