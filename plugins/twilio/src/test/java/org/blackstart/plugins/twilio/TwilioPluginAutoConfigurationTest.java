package org.blackstart.plugins.twilio;

import org.blackstart.testkit.twilio.TwilioApiSimulation;
import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TwilioPluginAutoConfigurationTest {

    private static final String SECRET = "c0ffee00c0ffee00c0ffee00c0ffee00";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, TwilioPluginAutoConfiguration.class))
            .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new)
            .withBean(org.blackstart.spi.NoticeAudience.class, org.blackstart.testkit.InMemoryNoticeAudience::new);

    private static String[] configured(String... more) {
        String[] base = {
                "blackstart.plugins.twilio.enabled=true",
                "blackstart.plugins.twilio.account-sid=" + TwilioApiSimulation.ACCOUNT_SID,
                "blackstart.plugins.twilio.auth-token=" + SECRET,
                "blackstart.plugins.twilio.from-number=+31850001234",
                "blackstart.plugins.twilio.public-base-url=https://blackstart.example.com"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void offUnlessEnabled() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class)
                .doesNotHaveBean(TwilioPageRoutes.class).doesNotHaveBean(TwilioWebhookRoutes.class));
    }

    @Test
    void enabledAndConfiguredItServesBothPageTopics() {
        runner.withPropertyValues(configured()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TwilioPageRoutes.class).hasSingleBean(TwilioWebhookRoutes.class);
            BlackstartPlugin plugin = context.getBean(BlackstartPlugin.class);
            assertThat(plugin.descriptor().slug()).isEqualTo("twilio");
            assertThat(plugin.descriptor().topics()).containsExactlyInAnyOrder(Topics.PAGE_PHONE, Topics.PAGE_SMS, Topics.NOTICE_SMS);
            assertThat(plugin.descriptor().inboundEndpoints()).contains("POST /api/twilio/voice/gather", "POST /api/twilio/sms");
            assertThat(plugin.descriptor().dependsOn()).containsExactly("Twilio API", "public telephone network");
            assertThat(context.getBean(TwilioProperties.class).ringTimeout()).hasSeconds(30);
            assertThat(context.getBean(TwilioProperties.class).toString()).doesNotContain(SECRET);
        });
    }

    @Test
    void enabledWithoutAnAccountItRefusesToStartAndSaysWhatIsMissing() {
        runner.withPropertyValues("blackstart.plugins.twilio.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("accountSid")
                    .hasMessageContaining("authToken").hasMessageContaining("publicBaseUrl");
        });
    }

    @Test
    void aNumberThatIsNotE164OrARingTimeoutTwilioRejectsRefusesToStartWithoutShowingTheToken() {
        runner.withPropertyValues(configured("blackstart.plugins.twilio.from-number=0850001234",
                "blackstart.plugins.twilio.ring-timeout=2s")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("fromNumber")
                    .hasMessageContaining("E.164").hasMessageContaining("ring-timeout must be between 5s and 600s")
                    .message().doesNotContain(SECRET);
        });
    }
}
