package org.blackstart.app.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.blackstart.app.oncall.OnCallDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class PagingPlannerTest {

    private final Map<String, Object> variables = new HashMap<>();
    private final DelegateExecution execution = execution(variables);

    private static DelegateExecution execution(Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(execution)
                .setVariable(anyString(), org.mockito.ArgumentMatchers.any());
        return execution;
    }

    private static PagingPlanner planner(OnCallDirectory directory) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (directory != null) {
            beans.addBean("directory", directory);
        }
        ObjectProvider<OnCallDirectory> provider = beans.getBeanProvider(OnCallDirectory.class);
        return new PagingPlanner(provider, Clock.fixed(Instant.parse("2026-03-01T23:45:00Z"), ZoneOffset.UTC));
    }

    /** What begin leaves for policy primary, without the engine it needs to hand out a unique code. */
    private void begunWithPrimary() {
        variables.putAll(Map.of("escalationPolicy", "primary", "pagingPlanned", true, "pagingLevels", 2, "pagingRepeat", 1,
                "pagingCallAttempts", 2, "pagingLevel", 0, "pagingRound", 1, "pagingAttempt", 1, "pagingExhausted", false,
                "pagingPaged", ""));
    }

    @Test
    void anUnknownPolicyPagesNobodyAndSaysWhy() {
        variables.put("escalationPolicy", "nights");

        planner(new TestOnCallDirectory()).begin(execution);

        assertThat(variables).containsEntry("pagingPlanned", false)
                .containsEntry("pagingSummary", "Nobody paged: there is no escalation policy 'nights'")
                .doesNotContainKey("ackCode");
    }

    @Test
    void withoutAnOnCallDirectoryNobodyIsPagedAndTheTimelineSaysSo() {
        variables.put("escalationPolicy", "primary");

        planner(null).begin(execution);

        assertThat(variables).containsEntry("pagingPlanned", false)
                .containsEntry("pagingSummary", "Nobody paged: no on-call directory is configured");
    }

    @Test
    void levelsFollowThePolicyWithTimeoutsAsIsoDurationsThenRepeatThenExhaust() {
        PagingPlanner planner = planner(new TestOnCallDirectory());
        begunWithPrimary();

        planner.nextLevel(execution);
        assertThat(variables).containsEntry("pagingLevel", 1).containsEntry("pagingRound", 1)
                .containsEntry("pagingTimeout", "PT5M").containsEntry("pagingResponders", "oncall-1")
                .containsEntry("pagingExhausted", false)
                .containsEntry("pagingLevelSummary", "Paging level 1 for PT5M: Olivia Oncall");
        assertThat(planner.responders(execution)).containsExactly("oncall-1");

        planner.recall(execution);
        assertThat(variables).containsEntry("pagingAttempt", 2);

        planner.nextLevel(execution);
        assertThat(variables).containsEntry("pagingLevel", 2).containsEntry("pagingAttempt", 1)
                .containsEntry("pagingTimeout", "PT10M").containsEntry("pagingResponders", "oncall-2,oncall-3");
        assertThat(planner.paged(execution)).containsExactly("oncall-1", "oncall-2", "oncall-3");

        planner.nextLevel(execution);
        assertThat(variables).containsEntry("pagingLevel", 1).containsEntry("pagingRound", 2)
                .containsEntry("pagingLevelSummary", "Paging level 1, round 2 for PT5M: Olivia Oncall");
        assertThat(planner.paged(execution)).as("no one twice").containsExactly("oncall-1", "oncall-2", "oncall-3");

        planner.nextLevel(execution);
        planner.nextLevel(execution);
        assertThat(variables).containsEntry("pagingExhausted", true)
                .containsEntry("pagingLevelSummary", "Nobody acknowledged: all 2 levels paged 2 times");
        assertThat(planner.responders(execution)).isEmpty();
    }

    @Test
    void namesAndNumbersComeFromTheDirectory() {
        PagingPlanner planner = planner(new TestOnCallDirectory());

        assertThat(planner.name("oncall-2")).isEqualTo("Piet Pager");
        assertThat(planner.phone("oncall-2")).isEqualTo("+31205550102");
        assertThat(planner.name("left-the-company")).as("the id, so the page still says who").isEqualTo("left-the-company");
        assertThat(planner.phone("left-the-company")).isNull();
    }

    /** What begin leaves for a later page to one target: one level of the page-more timeout, not repeated. */
    private void begunWithTarget(String target) {
        variables.putAll(Map.of("pagingTarget", target, "pagingPlanned", true, "pagingLevels", 1, "pagingRepeat", 0,
                "pagingCallAttempts", 2, "pagingLevel", 0, "pagingRound", 1, "pagingAttempt", 1, "pagingExhausted", false,
                "pagingPaged", ""));
    }

    @Test
    void aLaterPageToAPersonPagesThemForOneLevelThenTellsTheCommander() {
        PagingPlanner planner = planner(new TestOnCallDirectory());
        begunWithTarget("person:oncall-2");

        planner.nextLevel(execution);
        assertThat(variables).containsEntry("pagingLevel", 1).containsEntry("pagingTimeout", "PT5M")
                .containsEntry("pagingResponders", "oncall-2").containsEntry("pagingExhausted", false);

        planner.nextLevel(execution);
        assertThat(variables).as("unanswered: not repeated, the commander is told").containsEntry("pagingExhausted", true);
    }

    @Test
    void aLaterPageToAScheduleFindsWhoIsOnCallNow() {
        PagingPlanner planner = planner(new TestOnCallDirectory());
        begunWithTarget("schedule:rota");

        planner.nextLevel(execution);

        assertThat(variables).containsEntry("pagingResponders", "oncall-3")
                .containsEntry("pagingLevelSummary", "Paging level 1 for PT5M: Quinn Quick");
    }

    @Test
    void aLaterPageToAPolicyRunsThatPolicysLevels() {
        PagingPlanner planner = planner(new TestOnCallDirectory());
        begunWithTarget("policy:primary");
        variables.putAll(Map.of("pagingLevels", 2, "pagingRepeat", 1, "escalationPolicy", "the-incidents-own"));

        planner.nextLevel(execution);
        planner.nextLevel(execution);

        assertThat(variables).containsEntry("pagingLevel", 2).containsEntry("pagingTimeout", "PT10M")
                .containsEntry("pagingResponders", "oncall-2,oncall-3");
    }

    @Test
    void aLaterPageToSomeoneUnknownPagesNobodyAndSaysWhy() {
        variables.put("pagingTarget", "person:left-the-company");

        planner(new TestOnCallDirectory()).begin(execution);

        assertThat(variables).containsEntry("pagingPlanned", false)
                .containsEntry("pagingSummary", "Nobody paged: there is no person 'left-the-company'")
                .doesNotContainKey("ackCode");
    }

    @Test
    void targetsAreReadAsTheProcessKeepsThem() {
        assertThat(PageTarget.parse("schedule:ops-primary")).contains(new PageTarget(PageTarget.Kind.SCHEDULE, "ops-primary"));
        assertThat(PageTarget.parse("person:a:b")).contains(new PageTarget(PageTarget.Kind.PERSON, "a:b"));
        assertThat(PageTarget.parse("team:ops")).isEmpty();
        assertThat(PageTarget.parse("person:")).isEmpty();
        assertThat(PageTarget.parse(null)).isEmpty();
    }
}
