package org.blackstart.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.blackstart.app.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TaskUrgencyRulesTest {

    private final OpenTasks openTasks = new OpenTasks(new TaskDueProperties());

    @Test
    void worseSeveritiesComeFirstAndAnUntriagedIncidentSitsInTheMiddle() {
        // when
        int sev1 = openTasks.priorityOf(Severity.SEV1);
        int sev2 = openTasks.priorityOf(Severity.SEV2);
        int untriaged = openTasks.priorityOf(null);
        int sev3 = openTasks.priorityOf(Severity.SEV3);
        int sev4 = openTasks.priorityOf(Severity.SEV4);

        // then
        assertThat(sev1).isGreaterThan(sev2);
        assertThat(sev2).isGreaterThan(untriaged);
        assertThat(untriaged).isEqualTo(50).isGreaterThan(sev3);
        assertThat(sev3).isGreaterThan(sev4);
        assertThat(sev4).as("room below for hand-ranked work").isGreaterThan(0);
        assertThat(sev1).as("room above").isLessThan(100);
    }

    @Test
    void severitiesAreReadAsWrittenInVariablesAndRecords() {
        assertThat(TaskPriorities.parse("SEV1")).isEqualTo(Severity.SEV1);
        assertThat(TaskPriorities.parse(" sev3 ")).isEqualTo(Severity.SEV3);
        assertThat(TaskPriorities.parse("SEV9")).isNull();
        assertThat(TaskPriorities.parse(null)).isNull();
    }

    @Test
    void dueDatesFollowTheSeverityWithDefaults() {
        // given
        Instant created = Instant.parse("2026-12-07T03:00:00Z");

        // then
        assertThat(openTasks.dueFrom(created, Severity.SEV1)).isEqualTo(Date.from(created.plus(Duration.ofMinutes(15))));
        assertThat(openTasks.dueFrom(created, Severity.SEV2)).isEqualTo(Date.from(created.plus(Duration.ofHours(1))));
        assertThat(openTasks.dueFrom(created, Severity.SEV3)).isEqualTo(Date.from(created.plus(Duration.ofHours(4))));
        assertThat(openTasks.dueFrom(created, Severity.SEV4)).isEqualTo(Date.from(created.plus(Duration.ofDays(1))));
        assertThat(openTasks.dueFrom(created, null)).isEqualTo(Date.from(created.plus(Duration.ofHours(1))));
    }

    @Test
    void aConfiguredSeverityReplacesItsDefaultOnly() {
        // given
        TaskDueProperties due = new TaskDueProperties(Map.of(Severity.SEV1, Duration.ofMinutes(5)), Duration.ofMinutes(30));

        // then
        assertThat(due.dueAfter(Severity.SEV1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(due.dueAfter(Severity.SEV2)).isEqualTo(Duration.ofHours(1));
        assertThat(due.dueAfter(null)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aDueTimeThatIsNotPositiveStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new TaskDueProperties(Map.of(Severity.SEV2, Duration.ZERO), Duration.ofHours(1)))
                .hasMessageContaining("blackstart.tasks.due.SEV2");
        assertThatThrownBy(() -> new TaskDueProperties(Map.of(), Duration.ofMinutes(-5)))
                .hasMessageContaining("blackstart.tasks.untriaged");
    }

    @Test
    void anOverdueCheckIntervalThatIsNotPositiveStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new OverdueProperties(true, Duration.ZERO))
                .hasMessageContaining("blackstart.tasks.overdue.interval");
        assertThat(new OverdueProperties(true, Duration.ofSeconds(30)).interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachKindHasItsOwnTimePerSeverityAndAnUnknownKindTakesTheGeneralOne() {
        // given the defaults
        TaskDueProperties due = new TaskDueProperties();

        // then a SEV1 incident's waiting work is due within minutes, by kind
        assertThat(due.dueAfter("triage", Severity.SEV1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(due.dueAfter("notice-review", Severity.SEV1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(due.dueAfter("notice-approval", Severity.SEV1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(due.dueAfter("vendor-request", Severity.SEV1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(due.dueAfter("call", Severity.SEV1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(due.dueAfter("notice-review", Severity.SEV4)).isGreaterThan(due.dueAfter("notice-review", Severity.SEV2));
        assertThat(due.dueAfter("runbook-step", Severity.SEV1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(due.dueAfter(null, Severity.SEV2)).isEqualTo(Duration.ofHours(1));
        assertThat(due.dueAfter("triage", null)).as("not triaged yet").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aConfiguredKindReplacesOnlyTheSeveritiesItNames() {
        // given
        TaskDueProperties due = new TaskDueProperties(Map.of(), Duration.ofHours(1),
                Map.of("notice-review", Map.of(Severity.SEV1, Duration.ofMinutes(3)),
                        "on-site", Map.of(Severity.SEV1, Duration.ofMinutes(45))));

        // then
        assertThat(due.dueAfter("notice-review", Severity.SEV1)).isEqualTo(Duration.ofMinutes(3));
        assertThat(due.dueAfter("notice-review", Severity.SEV2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(due.dueAfter("on-site", Severity.SEV1)).isEqualTo(Duration.ofMinutes(45));
        assertThat(due.dueAfter("on-site", Severity.SEV2)).as("not configured: the general time").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aKindsTimeThatIsNotPositiveOrABadKindNameStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new TaskDueProperties(Map.of(), Duration.ofHours(1),
                Map.of("triage", Map.of(Severity.SEV1, Duration.ZERO))))
                .hasMessageContaining("blackstart.tasks.due-by-kind.triage.SEV1");
        assertThatThrownBy(() -> new TaskDueProperties(Map.of(), Duration.ofHours(1),
                Map.of("Notice Review", Map.of(Severity.SEV1, Duration.ofMinutes(5)))))
                .hasMessageContaining("blackstart.tasks.due-by-kind.Notice Review");
    }

    @Test
    void anUnknownSeverityInTheConfigurationStopsTheStartNamingTheProperty() {
        new ApplicationContextRunner().withUserConfiguration(DueBinding.class)
                .withPropertyValues("blackstart.tasks.due-by-kind.triage.SEV9=5m")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("blackstart.tasks.due-by-kind"));
        new ApplicationContextRunner().withUserConfiguration(DueBinding.class)
                .withPropertyValues("blackstart.tasks.due-by-kind.triage.SEV1=-5m")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("blackstart.tasks.due-by-kind.triage.SEV1 must be a positive duration"));
        new ApplicationContextRunner().withUserConfiguration(DueBinding.class)
                .withPropertyValues("blackstart.tasks.due-by-kind.triage.SEV1=2m")
                .run(context -> assertThat(context.getBean(TaskDueProperties.class).dueAfter("triage", Severity.SEV1))
                        .isEqualTo(Duration.ofMinutes(2)));
    }

    @EnableConfigurationProperties(TaskDueProperties.class)
    static class DueBinding {
    }

    @Test
    void aDueDateIsOursOnlyWhileItIsTheOneWeSet() {
        // given
        Date ours = Date.from(Instant.parse("2026-12-07T03:15:00.250Z"));

        // then
        assertThat(OpenTasks.isOurs(ours, Date.from(Instant.parse("2026-12-07T03:15:00Z")))).as("stored to the second").isTrue();
        assertThat(OpenTasks.isOurs(ours, Date.from(Instant.parse("2026-12-07T04:00:00Z")))).as("moved by a person").isFalse();
        assertThat(OpenTasks.isOurs(null, ours)).as("set by someone else from the start").isFalse();
        assertThat(OpenTasks.isOurs(ours, null)).as("cleared by a person").isFalse();
    }

    @Test
    void longCommentsAreCutOnTheTimeline() {
        assertThat(CommentTimeline.cap("short")).isEqualTo("short");
        assertThat(CommentTimeline.cap("x".repeat(5000))).hasSize(CommentTimeline.MAX_DETAIL).endsWith("…");
    }
}
