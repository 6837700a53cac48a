package org.blackstart.app.paging;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.blackstart.app.oncall.OnCallDirectory;
import org.blackstart.app.oncall.OnCallDirectory.EscalationPlan;
import org.blackstart.app.oncall.OnCallDirectory.Responder;
import org.blackstart.spi.PageRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What paging.bpmn asks while it runs, as bean {@code pagingPlanner}: the policy's shape when paging
 * begins, who is on call when a level starts, and the names and numbers of the people paged. Keeps
 * its counters in process variables, so a restarted node continues where the process is.
 *
 * <p>An unknown policy (or no on-call directory at all) does not stop the incident: paging ends at
 * once and the timeline says why. Failing instead would roll back the declaration or the alert that
 * opened the incident, and an incident nobody is paged for is still better than no incident.
 */
@Component("pagingPlanner")
public class PagingPlanner {

    static final String ACKNOWLEDGE_TASK = "AcknowledgeInTasklist";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectProvider<OnCallDirectory> directory;
    private final Clock clock;
    private final PageMoreProperties pageMore;

    @Autowired
    public PagingPlanner(ObjectProvider<OnCallDirectory> directory, Clock clock, PageMoreProperties pageMore) {
        this.directory = directory;
        this.clock = clock;
        this.pageMore = pageMore;
    }

    PagingPlanner(ObjectProvider<OnCallDirectory> directory, Clock clock) {
        this(directory, clock, PageMoreProperties.defaults());
    }

    /** Reads the policy, hands out the acknowledgement code and sets the counters before level 1. */
    public void begin(DelegateExecution execution) {
        PageTarget target = target(execution);
        String policy = policyName(execution, target);
        Optional<EscalationPlan> plan = plan(execution, target);
        execution.setVariable(PagingVariables.PLANNED, plan.isPresent());
        if (plan.isEmpty()) {
            execution.setVariable(PagingVariables.SUMMARY, directory.getIfAvailable() == null
                    ? "Nobody paged: no on-call directory is configured"
                    : target != null && target.kind() != PageTarget.Kind.POLICY
                    ? "Nobody paged: there is no " + target.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + target.id() + "'"
                    : "Nobody paged: there is no escalation policy '" + policy + "'");
            return;
        }
        EscalationPlan shape = plan.get();
        execution.setVariable(PagingVariables.STEP_PREFIX, target == null ? "" : "more-" + execution.getProcessInstanceId() + "-");
        execution.setVariable(PageRequest.Variables.ACK_CODE, uniqueAckCode());
        execution.setVariable(PagingVariables.LEVELS, shape.levels());
        execution.setVariable(PagingVariables.REPEAT, shape.repeat());
        execution.setVariable(PagingVariables.CALL_ATTEMPTS, Math.max(1, shape.callAttempts()));
        execution.setVariable(PageRequest.Variables.LEVEL, 0);
        execution.setVariable(PagingVariables.ROUND, 1);
        execution.setVariable(PagingVariables.ATTEMPT, 1);
        execution.setVariable(PagingVariables.EXHAUSTED, false);
        execution.setVariable(PagingVariables.PAGED, "");
        if (target != null && target.kind() != PageTarget.Kind.POLICY) {
            execution.setVariable(PagingVariables.SUMMARY, "Paging " + describe(target) + " for " + shape.levelTimeouts().get(0)
                    + ", " + shape.callAttempts() + " call attempts");
            return;
        }
        execution.setVariable(PagingVariables.SUMMARY, "Paging with escalation policy '" + shape.name() + "': "
                + shape.levels() + (shape.levels() == 1 ? " level" : " levels") + ", repeated " + shape.repeat()
                + (shape.repeat() == 1 ? " time" : " times") + ", " + shape.callAttempts() + " call attempts per level");
    }

    /**
     * Moves to the next level (after the last, to level 1 of the next round) and finds who is on call
     * there now; after the last round, marks the policy exhausted.
     */
    public void nextLevel(DelegateExecution execution) {
        PageTarget target = target(execution);
        String policy = policyName(execution, target);
        int levels = number(execution, PagingVariables.LEVELS);
        int level = number(execution, PageRequest.Variables.LEVEL) + 1;
        int round = number(execution, PagingVariables.ROUND);
        if (level > levels) {
            level = 1;
            round++;
        }
        execution.setVariable(PageRequest.Variables.LEVEL, level);
        execution.setVariable(PagingVariables.ROUND, round);
        execution.setVariable(PagingVariables.ATTEMPT, 1);
        int rounds = 1 + number(execution, PagingVariables.REPEAT);
        if (round > rounds) {
            execution.setVariable(PagingVariables.EXHAUSTED, true);
            execution.setVariable(PagingVariables.RESPONDERS, "");
            execution.setVariable(PagingVariables.LEVEL_SUMMARY, "Nobody acknowledged: all " + levels
                    + (levels == 1 ? " level" : " levels") + " paged " + rounds + (rounds == 1 ? " time" : " times"));
            return;
        }
        EscalationPlan plan = plan(execution, target).orElseThrow(() -> new IllegalStateException(
                (target == null ? "escalation policy '" + policy + "'" : target.text()) + " disappeared while paging"));
        Duration timeout = plan.levelTimeouts().get(level - 1);
        List<Responder> responders = target == null || target.kind() == PageTarget.Kind.POLICY
                ? directory.getObject().respondersAt(policy, level, clock.instant())
                : respondersOf(target);
        List<String> ids = responders.stream().map(Responder::id).toList();

        execution.setVariable(PagingVariables.RESPONDERS, String.join(",", ids));
        execution.setVariable(PagingVariables.TIMEOUT, timeout.toString());
        Set<String> paged = new LinkedHashSet<>(paged(execution));
        paged.addAll(ids);
        execution.setVariable(PagingVariables.PAGED, String.join(",", paged));
        offerAcknowledgement(execution, ids);
        execution.setVariable(PagingVariables.LEVEL_SUMMARY, "Paging level " + level + (round > 1 ? ", round " + round : "")
                + " for " + timeout + ": " + (responders.isEmpty() ? "nobody is on call"
                : responders.stream().map(Responder::name).collect(Collectors.joining(", "))));
    }

    /** One more call to the level whose call went unanswered. */
    public void recall(DelegateExecution execution) {
        execution.setVariable(PagingVariables.ATTEMPT, number(execution, PagingVariables.ATTEMPT) + 1);
    }

    /** The person ids the current level pages. */
    public List<String> responders(DelegateExecution execution) {
        return split(text(execution, PagingVariables.RESPONDERS));
    }

    /** Everyone paged so far: they may acknowledge in Tasklist. */
    public List<String> paged(DelegateExecution execution) {
        return split(text(execution, PagingVariables.PAGED));
    }

    public String name(String personId) {
        return person(personId).map(Responder::name).filter(n -> !n.isBlank()).orElse(personId);
    }

    /** The person's number, or null: the page channel then reports the page undeliverable. */
    public String phone(String personId) {
        return person(personId).map(Responder::phone).orElse(null);
    }

    private Optional<Responder> person(String personId) {
        OnCallDirectory people = directory.getIfAvailable();
        return people == null || personId == null ? Optional.empty() : people.person(personId);
    }

    /**
     * The plan of this paging: the policy's, or for one person or one schedule a single level of
     * {@code blackstart.paging.page-more.timeout}, not repeated: unanswered, the commander is told.
     */
    private Optional<EscalationPlan> plan(DelegateExecution execution, PageTarget target) {
        if (target == null || target.kind() == PageTarget.Kind.POLICY) {
            return plan(policyName(execution, target));
        }
        OnCallDirectory people = directory.getIfAvailable();
        boolean known = people != null && switch (target.kind()) {
            case PERSON -> people.person(target.id()).isPresent();
            case SCHEDULE -> people.onCallIn(target.id(), clock.instant()).isPresent();
            case POLICY -> false;
        };
        return known ? Optional.of(new EscalationPlan(target.text(), List.of(pageMore.timeout()), 0, pageMore.callAttempts()))
                : Optional.empty();
    }

    /** Who a person or schedule target pages now: the person, or whoever the schedule has on call. */
    List<Responder> respondersOf(PageTarget target) {
        OnCallDirectory people = directory.getObject();
        return switch (target.kind()) {
            case PERSON -> people.person(target.id()).map(List::of).orElse(List.of());
            case SCHEDULE -> people.onCallIn(target.id(), clock.instant()).orElse(List.of());
            case POLICY -> throw new IllegalArgumentException("a policy is paged level by level");
        };
    }

    /** How the timeline names a target: "Olivia On-call (person oncall-1)", "schedule ops-primary". */
    String describe(PageTarget target) {
        return switch (target.kind()) {
            case PERSON -> name(target.id()) + " (person " + target.id() + ")";
            case SCHEDULE -> "schedule " + target.id();
            case POLICY -> "escalation policy " + target.id();
        };
    }

    private static PageTarget target(DelegateExecution execution) {
        return PageTarget.parse(text(execution, PagingVariables.TARGET)).orElse(null);
    }

    private static String policyName(DelegateExecution execution, PageTarget target) {
        return target != null && target.kind() == PageTarget.Kind.POLICY ? target.id() : text(execution, PagingVariables.POLICY);
    }

    private Optional<EscalationPlan> plan(String policy) {
        OnCallDirectory people = directory.getIfAvailable();
        return people == null || policy == null || policy.isBlank() ? Optional.empty() : people.plan(policy);
    }

    /**
     * Adds the level's responders to the open acknowledge task. Works on the engine's entities, not
     * TaskService: the task may have been created in this very transaction (not yet visible to a
     * query), and the person whose request runs this (the declarer) need not be allowed to edit tasks.
     */
    private static void offerAcknowledgement(DelegateExecution execution, List<String> userIds) {
        if (!(execution instanceof ExecutionEntity entity) || userIds.isEmpty()) {
            return;
        }
        for (TaskEntity task : tasksBelow(entity.getProcessInstance())) {
            if (ACKNOWLEDGE_TASK.equals(task.getTaskDefinitionKey())) {
                Set<String> already = task.getCandidates().stream().map(c -> c.getUserId()).filter(u -> u != null)
                        .collect(Collectors.toSet());
                userIds.stream().filter(u -> !already.contains(u)).forEach(task::addCandidateUser);
            }
        }
    }

    private static List<TaskEntity> tasksBelow(ExecutionEntity execution) {
        List<TaskEntity> tasks = new ArrayList<>(execution.getTasks());
        for (ExecutionEntity child : execution.getExecutions()) {
            tasks.addAll(tasksBelow(child));
        }
        return tasks;
    }

    /** Six digits, not used by another running paging: an SMS reply {@code ACK 482913} must reach one incident. */
    private static String uniqueAckCode() {
        CommandContext command = Context.getCommandContext();
        for (int tries = 0; tries < 100; tries++) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            // Without authorization: the declarer cannot read other pagings, but their codes still count.
            long taken = command.runWithoutAuthorization(() -> command.getProcessEngineConfiguration().getRuntimeService()
                    .createProcessInstanceQuery().processDefinitionKey("paging")
                    .variableValueEquals(PageRequest.Variables.ACK_CODE, code).count());
            if (taken == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free acknowledgement code after 100 tries");
    }

    private static List<String> split(String ids) {
        return ids == null || ids.isBlank() ? List.of() : List.of(ids.split(","));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static int number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("paging variable " + name + " is " + value + ", not a number");
    }
}
