package org.blackstart.bpmn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stands in for the platform's {@code pagingPlanner} in process tests: policy {@code primary} pages
 * alice at level 1 (PT5M), bob and carol at level 2 (PT10M), repeats once, and calls twice. A later page
 * ({@code pagingTarget} {@code person:<id>}) pages that one person for PT5M, once, with a step prefix of its own.
 */
public class FakePagingPlanner {

    static final String POLICY = "primary";
    static final String ACK_CODE = "482913";

    private static final List<List<String>> LEVELS = List.of(List.of("alice"), List.of("bob", "carol"));
    private static final List<String> TIMEOUTS = List.of("PT5M", "PT10M");
    private static final Map<String, String> PHONES = Map.of("alice", "+31205550101", "bob", "+31205550102",
            "carol", "+31205550103");

    public void begin(DelegateExecution execution) {
        String target = (String) execution.getVariable("pagingTarget");
        if (target != null) {
            boolean person = target.startsWith("person:") && PHONES.containsKey(target.substring("person:".length()));
            execution.setVariable("pagingPlanned", person);
            execution.setVariable("pagingSummary", person ? "Paging " + target : "No " + target);
            if (person) {
                execution.setVariable("pagingStepPrefix", "more-" + execution.getProcessInstanceId() + "-");
                execution.setVariable("ackCode", "5" + ACK_CODE.substring(1));
                execution.setVariable("pagingLevels", 1);
                execution.setVariable("pagingRepeat", 0);
                execution.setVariable("pagingCallAttempts", 1);
                execution.setVariable("pagingLevel", 0);
                execution.setVariable("pagingRound", 1);
                execution.setVariable("pagingAttempt", 1);
                execution.setVariable("pagingExhausted", false);
                execution.setVariable("pagingPaged", "");
            }
            return;
        }
        String policy = (String) execution.getVariable("escalationPolicy");
        boolean known = POLICY.equals(policy);
        execution.setVariable("pagingPlanned", known);
        execution.setVariable("pagingSummary", known ? "Paging with " + policy : "No policy " + policy);
        if (!known) {
            return;
        }
        execution.setVariable("pagingStepPrefix", "");
        execution.setVariable("ackCode", ACK_CODE);
        execution.setVariable("pagingLevels", LEVELS.size());
        execution.setVariable("pagingRepeat", 1);
        execution.setVariable("pagingCallAttempts", 2);
        execution.setVariable("pagingLevel", 0);
        execution.setVariable("pagingRound", 1);
        execution.setVariable("pagingAttempt", 1);
        execution.setVariable("pagingExhausted", false);
        execution.setVariable("pagingPaged", "");
    }

    public void nextLevel(DelegateExecution execution) {
        int level = (Integer) execution.getVariable("pagingLevel") + 1;
        int round = (Integer) execution.getVariable("pagingRound");
        if (level > (Integer) execution.getVariable("pagingLevels")) {
            level = 1;
            round++;
        }
        execution.setVariable("pagingLevel", level);
        execution.setVariable("pagingRound", round);
        execution.setVariable("pagingAttempt", 1);
        if (round > 1 + (Integer) execution.getVariable("pagingRepeat")) {
            execution.setVariable("pagingExhausted", true);
            execution.setVariable("pagingLevelSummary", "exhausted");
            return;
        }
        String target = (String) execution.getVariable("pagingTarget");
        List<String> responders = target == null ? LEVELS.get(level - 1) : List.of(target.substring("person:".length()));
        execution.setVariable("pagingResponders", String.join(",", responders));
        execution.setVariable("pagingTimeout", target == null ? TIMEOUTS.get(level - 1) : "PT5M");
        execution.setVariable("pagingLevelSummary", "level " + level);
        Set<String> paged = new LinkedHashSet<>(paged(execution));
        paged.addAll(responders);
        execution.setVariable("pagingPaged", String.join(",", paged));
        var tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey("AcknowledgeInTasklist").list()
                .forEach(task -> responders.forEach(user -> tasks.addCandidateUser(task.getId(), user)));
    }

    public void recall(DelegateExecution execution) {
        execution.setVariable("pagingAttempt", (Integer) execution.getVariable("pagingAttempt") + 1);
    }

    public List<String> responders(DelegateExecution execution) {
        return List.of(((String) execution.getVariable("pagingResponders")).split(","));
    }

    public List<String> paged(DelegateExecution execution) {
        String paged = (String) execution.getVariable("pagingPaged");
        return paged == null || paged.isEmpty() ? List.of() : new ArrayList<>(List.of(paged.split(",")));
    }

    public String name(String person) {
        return Character.toUpperCase(person.charAt(0)) + person.substring(1);
    }

    public String phone(String person) {
        return PHONES.get(person);
    }
}
