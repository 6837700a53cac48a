package org.blackstart.plugins.x;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.PluginState;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.InMemoryPluginState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How the platform switches the X plugin on, and refuses a configuration that cannot post. */
class XPluginAutoConfigurationTest {

    private static final String REFRESH = "dGhpcy1pcy1hLXJlZnJlc2gtdG9rZW4tZm9yLXRlc3Rz";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, XPluginAutoConfiguration.class))
            .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new)
            .withBean(PluginState.class, InMemoryPluginState::new);

    @Test
    void offUnlessEnabled() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class)
                .doesNotHaveBean(XNoticeRoutes.class));
    }

    @Test
    void enabledWithOauth2ItServesNoticeXAndDependsOnX() {
        runner.withPropertyValues("blackstart.plugins.x.enabled=true", "blackstart.plugins.x.account=@hostingstatus",
                "blackstart.plugins.x.client-id=client", "blackstart.plugins.x.refresh-token=" + REFRESH).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(XNoticeRoutes.class);
            BlackstartPlugin plugin = context.getBean(BlackstartPlugin.class);
            assertThat(plugin.descriptor().slug()).isEqualTo("x");
            assertThat(plugin.descriptor().topics()).containsExactly(Topics.NOTICE_X);
            assertThat(plugin.descriptor().dependsOn()).containsExactly("x.com");
            assertThat(context.getBean(XProperties.class).account()).isEqualTo("hostingstatus");
            assertThat(context.getBean(XProperties.class).toString()).doesNotContain(REFRESH);
        });
    }

    @Test
    void oauth2WithoutARefreshTokenRefusesToStartAndSaysWhatIsMissing() {
        runner.withPropertyValues("blackstart.plugins.x.enabled=true", "blackstart.plugins.x.account=hostingstatus",
                "blackstart.plugins.x.client-id=client").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("refresh-token");
        });
    }

    @Test
    void oauth1WithoutItsSecretsRefusesToStart() {
        runner.withPropertyValues("blackstart.plugins.x.enabled=true", "blackstart.plugins.x.account=hostingstatus",
                "blackstart.plugins.x.auth=oauth1", "blackstart.plugins.x.consumer-key=key").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("consumer-secret");
        });
    }
}
