package org.blackstart.plugins.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How the platform switches the Mastodon plugin on, and refuses a configuration that cannot post. */
class MastodonPluginAutoConfigurationTest {

    private static final String TOKEN = "c2VjcmV0LW1hc3RvZG9uLXRva2Vu";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, MastodonPluginAutoConfiguration.class))
            .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new);

    @Test
    void offUnlessEnabled() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class));
    }

    @Test
    void enabledItServesNoticeMastodonAndDependsOnTheInstance() {
        runner.withPropertyValues("blackstart.plugins.mastodon.enabled=true",
                "blackstart.plugins.mastodon.instance-url=https://social.hosting.example",
                "blackstart.plugins.mastodon.access-token=" + TOKEN,
                "blackstart.plugins.mastodon.visibility=unlisted").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MastodonNoticeRoutes.class);
            BlackstartPlugin plugin = context.getBean(BlackstartPlugin.class);
            assertThat(plugin.descriptor().topics()).containsExactly(Topics.NOTICE_MASTODON);
            assertThat(plugin.descriptor().dependsOn()).containsExactly("social.hosting.example");
            assertThat(context.getBean(MastodonProperties.class).visibility()).isEqualTo(MastodonProperties.Visibility.UNLISTED);
            assertThat(context.getBean(MastodonProperties.class).toString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void enabledWithoutATokenRefusesToStartAndSaysWhatIsMissing() {
        runner.withPropertyValues("blackstart.plugins.mastodon.enabled=true",
                "blackstart.plugins.mastodon.instance-url=https://social.hosting.example").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("accessToken");
        });
    }
}
