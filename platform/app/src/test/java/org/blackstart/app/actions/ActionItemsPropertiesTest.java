package org.blackstart.app.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ActionItemsPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(ActionItemsProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Bound.class);

    @Test
    void defaultsGiveSev1FifteenDaysOthersThirtyAndARemindThreeDaysAhead() {
        runner.run(context -> {
            ActionItemsProperties properties = context.getBean(ActionItemsProperties.class);
            assertThat(properties.due().forSeverity("SEV1")).isEqualTo(Period.ofDays(15));
            assertThat(properties.due().forSeverity("SEV2")).isEqualTo(Period.ofDays(30));
            assertThat(properties.due().forSeverity("SEV3")).isEqualTo(Period.ofDays(30));
            assertThat(properties.due().forSeverity(null)).isEqualTo(Period.ofDays(30));
            assertThat(properties.reminderBefore()).isEqualTo(Duration.ofDays(3));
            assertThat(properties.dueTime()).isEqualTo(LocalTime.of(17, 0));
        });
    }

    @Test
    void aDueTimeOfNothingOrANegativeReminderStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("blackstart.actions.due.sev1=0d", "blackstart.actions.reminder-before=-1h").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("blackstart.actions")
                    .hasMessageContaining("due.sev1, due.sev2 and due.others must each be at least one day")
                    .hasMessageContaining("reminder-before must be positive");
        });
    }
}
