package org.blackstart.plugins.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.SingleNodeLease;
import org.blackstart.spi.Topics;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.blackstart.testkit.vendor.InMemorySingleNodeLease;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How the platform switches the ServiceNow plugin on, and refuses accounts that could not work. */
class ServiceNowPluginAutoConfigurationTest {

    private static final String PREFIX = "blackstart.plugins.servicenow.accounts.storeco.";
    private static final String PASSWORD = "s3cret-password-never-shown";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    ServiceNowPluginAutoConfiguration.class))
            .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new)
            .withBean(CaseEvidence.class, InMemoryCaseEvidence::new)
            .withBean(VendorInbox.class, InMemoryVendorInbox::new)
            .withBean(SingleNodeLease.class, InMemorySingleNodeLease::new);

    private ApplicationContextRunner storeco(String... more) {
        return runner.withPropertyValues(PREFIX + "base-url=https://storeco.service-now.com",
                        PREFIX + "username=blackstart.integration", PREFIX + "password=" + PASSWORD,
                        PREFIX + "webhook-secret=0123456789abcdef0123456789abcdef", PREFIX + "poll-interval=0")
                .withPropertyValues(more);
    }

    @Test
    void offWithoutAccounts() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class)
                .doesNotHaveBean(ServiceNowCaseRoutes.class));
    }

    @Test
    void oneAccountServesTheVendorCaseTopicsAndItsWebhook() {
        storeco().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ServiceNowCaseRoutes.class)
                    .hasSingleBean(ServiceNowWebhookRoutes.class);
            BlackstartPlugin plugin = context.getBean(BlackstartPlugin.class);
            assertThat(plugin.descriptor().slug()).isEqualTo("servicenow");
            assertThat(plugin.descriptor().topics()).containsExactlyInAnyOrder(Topics.VENDOR_CASE_OPEN,
                    Topics.VENDOR_CASE_UPDATE, Topics.VENDOR_CASE_CLOSE);
            assertThat(plugin.descriptor().inboundEndpoints()).containsExactly("POST /api/vendor-webhooks/servicenow/storeco");
            assertThat(plugin.descriptor().dependsOn()).containsExactly("storeco.service-now.com");
            ServiceNowProperties.Account account = context.getBean(ServiceNowProperties.class).account("storeco");
            assertThat(account.table()).isEqualTo("incident");
            assertThat(account.closeState()).isEqualTo(6);
            assertThat(account.urgencyOf(3)).isEqualTo(new ServiceNowProperties.Urgency(2, 3));
            assertThat(account.disputeCloseCodes()).contains("Not a product defect");
            assertThat(account.toString()).doesNotContain(PASSWORD).doesNotContain("0123456789abcdef0123456789abcdef");
        });
    }

    @Test
    void basicAuthWithoutAPasswordRefusesToStartAndSaysWhatIsMissing() {
        runner.withPropertyValues(PREFIX + "base-url=https://storeco.service-now.com",
                PREFIX + "username=blackstart.integration").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("basic auth needs username and password");
        });
    }

    @Test
    void oauthWithoutClientSecretRefusesToStart() {
        storeco(PREFIX + "auth=oauth", PREFIX + "client-id=abc").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("client-secret");
        });
    }

    @Test
    void aShortWebhookSecretRefusesToStartWithoutShowingIt() {
        storeco(PREFIX + "webhook-secret=short-secret").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 24 characters");
            assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("short-secret");
        });
    }

    @Test
    void aBaseUrlWithAPathRefusesToStart() {
        storeco(PREFIX + "base-url=https://storeco.service-now.com/api/now").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("base-url");
        });
    }
}
