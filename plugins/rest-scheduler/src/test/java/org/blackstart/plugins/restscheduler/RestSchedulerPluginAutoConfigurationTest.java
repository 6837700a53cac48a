package org.blackstart.plugins.restscheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How the platform switches the REST scheduler plugin on, and refuses a configuration that cannot work. */
class RestSchedulerPluginAutoConfigurationTest {

    private static final String TOKEN = "c2NoZWR1bGVyLXRva2Vu";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, RestSchedulerPluginAutoConfiguration.class))
            .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new);

    @Test
    void offUnlessEnabled() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class));
    }

    @Test
    void enabledItServesBothTopicsAndDependsOnTheScheduler() {
        runner.withPropertyValues("blackstart.plugins.rest-scheduler.enabled=true",
                "blackstart.plugins.rest-scheduler.base-url=https://scheduler.hosting.example/api",
                "blackstart.plugins.rest-scheduler.token=" + TOKEN).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RestSchedulerRoutes.class);
            BlackstartPlugin plugin = context.getBean(BlackstartPlugin.class);
            assertThat(plugin.descriptor().topics()).containsExactlyInAnyOrder(Topics.JOBS_DEFERRED_LIST,
                    Topics.JOBS_DEFERRED_EXECUTE);
            assertThat(plugin.descriptor().dependsOn()).containsExactly("scheduler.hosting.example");
            assertThat(context.getBean(RestSchedulerProperties.class).toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void enabledWithoutATokenRefusesToStartAndSaysWhatIsMissing() {
        runner.withPropertyValues("blackstart.plugins.rest-scheduler.enabled=true",
                "blackstart.plugins.rest-scheduler.base-url=https://scheduler.hosting.example/api").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("token");
        });
    }

    @Test
    void aBaseUrlThatIsNotHttpRefusesToStart() {
        runner.withPropertyValues("blackstart.plugins.rest-scheduler.enabled=true",
                "blackstart.plugins.rest-scheduler.base-url=ftp://scheduler.hosting.example",
                "blackstart.plugins.rest-scheduler.token=" + TOKEN).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("base-url must be an absolute http(s) URL");
        });
    }
}
