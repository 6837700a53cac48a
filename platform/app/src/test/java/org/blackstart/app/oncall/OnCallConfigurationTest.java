package org.blackstart.app.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What an operator writes in YAML binds, and what is wrong stops the start with the property path.
 * Field rules fail while binding (Spring Boot names the path with brackets: {@code people[bob].phone});
 * references and cross-field rules fail in {@link ConfiguredOnCall} ({@code policies.x.levels[1].targets[0]}).
 */
class OnCallConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({OnCallProperties.class, DemoOnCallProperties.class})
    @Import(ConfiguredOnCall.class)
    static class OnCallConfig {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(OnCallConfig.class)
            .withPropertyValues(
                    "blackstart.oncall.people.ann.name=Ann Example",
                    "blackstart.oncall.people.ann.phone=+31205550111",
                    "blackstart.oncall.people.bob.name=Bob Example",
                    "blackstart.oncall.people.bob.phone=+31205550112",
                    "blackstart.oncall.schedules.ops-primary.time-zone=Europe/Amsterdam",
                    "blackstart.oncall.schedules.ops-primary.layers[0].type=weekly",
                    "blackstart.oncall.schedules.ops-primary.layers[0].handoff-day=monday",
                    "blackstart.oncall.schedules.ops-primary.layers[0].handoff-time=09:00",
                    "blackstart.oncall.schedules.ops-primary.layers[0].start-date=2026-01-05",
                    "blackstart.oncall.schedules.ops-primary.layers[0].participants=ann,bob",
                    "blackstart.oncall.schedules.ops-primary.overrides[0].person=bob",
                    "blackstart.oncall.schedules.ops-primary.overrides[0].from=2026-02-01T09:00:00Z",
                    "blackstart.oncall.schedules.ops-primary.overrides[0].to=2026-02-02T09:00:00Z",
                    "blackstart.oncall.policies.datacenter-ops.levels[0].targets=schedule:ops-primary",
                    "blackstart.oncall.policies.datacenter-ops.levels[0].timeout=5m",
                    "blackstart.oncall.policies.datacenter-ops.levels[1].targets=person:ann",
                    "blackstart.oncall.policies.datacenter-ops.levels[1].timeout=10m",
                    "blackstart.oncall.policies.datacenter-ops.repeat=1",
                    "blackstart.oncall.policies.datacenter-ops.call-attempts=2");

    @Test
    void aValidConfigurationBindsWithItsTypes() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            OnCallEntries entries = context.getBean(ConfiguredOnCall.class).entries();
            Schedule schedule = entries.schedules().get("ops-primary").spec();
            assertThat(schedule.timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
            assertThat(schedule.layers().get(0).handoffTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(schedule.layers().get(0).handoffDay()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(schedule.layers().get(0).participants()).containsExactly("ann", "bob");
            assertThat(schedule.overrides().get(0).from()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
            Policy policy = entries.policies().get("datacenter-ops").spec();
            assertThat(policy.levels()).extracting(Level::timeout).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10));
            assertThat(policy.repeat()).isEqualTo(1);
            assertThat(policy.callAttempts()).isEqualTo(2);
            assertThat(entries.people().get("ann").configPath()).isEqualTo("blackstart.oncall.people.ann");
        });
    }

    @Test
    void aPolicyLevelNamingAMissingScheduleStopsTheStart() {
        runner.withPropertyValues("blackstart.oncall.policies.datacenter-ops.levels[1].targets=schedule:ops-secondary")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidOnCallConfigurationException.class)
                            .hasMessageContaining("blackstart.oncall.policies.datacenter-ops.levels[1].targets[0]: "
                                    + "no schedule named 'ops-secondary'");
                    FailureAnalysis analysis = new InvalidOnCallConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("Invalid on-call configuration:\n")
                            .contains("levels[1].targets[0]: no schedule named 'ops-secondary'");
                });
    }

    @Test
    void aBadPhoneNumberStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("blackstart.oncall.people.bob.phone=020-555 0112").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("blackstart.oncall.people[bob].phone")
                    .hasStackTraceContaining("must be an E.164 number");
        });
    }

    @Test
    void anEmptyRotationStopsTheStart() {
        runner.withPropertyValues("blackstart.oncall.schedules.ops-primary.layers[0].participants=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("blackstart.oncall.schedules[ops-primary].layers[0].participants")
                    .hasStackTraceContaining("must name at least one person");
        });
    }

    @Test
    void aTimeoutUnderAMinuteStopsTheStartUnlessTheMinimumIsLowered() {
        runner.withPropertyValues("blackstart.oncall.policies.datacenter-ops.levels[0].timeout=20s").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                        "blackstart.oncall.policies.datacenter-ops.levels[0].timeout: must be at least 1m"));
        runner.withPropertyValues("blackstart.oncall.policies.datacenter-ops.levels[0].timeout=20s",
                "blackstart.oncall.minimum-level-timeout=10s").run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("blackstart.oncall.minimum-level-timeout=0s").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("blackstart.oncall.minimum-level-timeout"));
    }

    @Test
    void anUnknownTimeZoneStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("blackstart.oncall.schedules.ops-primary.time-zone=Europe/Atlantis").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("blackstart.oncall.schedules.ops-primary.time-zone"));
    }

    @Test
    void demoEntriesCountOnlyInDemoMode() {
        String[] demo = {"blackstart.demo.oncall.people.demo-1.name=Demo", "blackstart.demo.oncall.people.demo-1.phone=+31205550199"};
        runner.withPropertyValues(demo).run(context ->
                assertThat(context.getBean(ConfiguredOnCall.class).entries().people()).doesNotContainKey("demo-1"));
        runner.withPropertyValues(demo).withPropertyValues("blackstart.demo.enabled=true").run(context ->
                assertThat(context.getBean(ConfiguredOnCall.class).entries().people().get("demo-1").configPath())
                        .isEqualTo("blackstart.demo.oncall.people.demo-1"));
    }
}
