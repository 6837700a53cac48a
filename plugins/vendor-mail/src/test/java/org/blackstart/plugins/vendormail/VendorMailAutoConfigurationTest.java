package org.blackstart.plugins.vendormail;

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

class VendorMailAutoConfigurationTest {

    private static final String SECRET = "smtp-pa55word";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, VendorMailAutoConfiguration.class,
                    VendorMailWithoutPlatformSupport.class))
            .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new)
            .withBean(CaseEvidence.class, InMemoryCaseEvidence::new)
            .withBean(VendorInbox.class, InMemoryVendorInbox::new)
            .withBean(SingleNodeLease.class, InMemorySingleNodeLease::new);

    private static final String P = "blackstart.plugins.vendor-mail.";

    private static String[] storeco(String... more) {
        String[] base = {
                P + "enabled=true",
                P + "accounts.storeco.to=support@storeco.example",
                P + "accounts.storeco.from=incidents@hosting.example",
                P + "accounts.storeco.smtp.host=smtp.hosting.example",
                P + "accounts.storeco.smtp.username=incidents",
                P + "accounts.storeco.smtp.password=" + SECRET,
                P + "accounts.storeco.imap.host=imap.hosting.example",
                P + "accounts.storeco.imap.username=incidents",
                P + "accounts.storeco.imap.password=" + SECRET};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void offUnlessEnabled() {
        runner.withPropertyValues(storeco(P + "enabled=false")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class).doesNotHaveBean(VendorMailRoutes.class));
    }

    @Test
    void enabledWithoutAccountsItStaysOff() {
        runner.withPropertyValues(P + "enabled=true").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class));
    }

    @Test
    void enabledWithAnAccountItServesTheVendorTopicsWithTheDocumentedDefaults() {
        runner.withPropertyValues(storeco()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(VendorMailRoutes.class).doesNotHaveBean("vendorMailInactive");
            BlackstartPlugin plugin = context.getBean(BlackstartPlugin.class);
            assertThat(plugin.descriptor().slug()).isEqualTo("vendor-mail");
            assertThat(plugin.descriptor().topics()).containsExactlyInAnyOrder(Topics.VENDOR_CASE_OPEN,
                    Topics.VENDOR_CASE_UPDATE, Topics.VENDOR_CASE_CLOSE);
            assertThat(plugin.descriptor().dependsOn()).containsExactly("SMTP smtp.hosting.example", "IMAP imap.hosting.example");
            assertThat(plugin.descriptor().inboundEndpoints()).containsExactly("IMAP poll vendor-poll:email:storeco");
            VendorMailProperties.Account account = context.getBean(VendorMailProperties.class).accounts().get("storeco");
            assertThat(account.cc()).as("no copies unless configured").isEmpty();
            assertThat(account.fromName()).isEqualTo("Blackstart");
            assertThat(account.pollInterval()).hasMinutes(1);
            assertThat(account.caseTag()).isEqualTo("Case");
            assertThat(account.smtp().port()).isEqualTo(587);
            assertThat(account.smtp().security()).isEqualTo(VendorMailProperties.Security.STARTTLS);
            assertThat(account.imap().port()).isEqualTo(993);
            assertThat(account.imap().ssl()).isTrue();
            assertThat(account.imap().folder()).isEqualTo("INBOX");
            assertThat(account.requestKeywords()).contains("please send", "apply");
            assertThat(account.disputeKeywords()).contains("not a defect");
            assertThat(account.resolvedKeywords()).contains("resolved", "fixed", "has been corrected", "behoben", "opgelost", "résolu");
            assertThat(context.getBean(VendorMailProperties.class).maxAttachmentSize().toMegabytes()).isEqualTo(25);
            assertThat(context.getBean(VendorMailProperties.class).toString()).doesNotContain(SECRET);
        });
    }

    @Test
    void anAccountWithoutAnAddressOrServerRefusesToStartAndSaysWhereWithoutShowingThePassword() {
        runner.withPropertyValues(storeco(P + "accounts.storeco.to=not-an-address", P + "accounts.storeco.imap.host=",
                P + "accounts.storeco.poll-interval=1s")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("accounts[storeco].to")
                    .hasMessageContaining("accounts[storeco].imap.host")
                    .hasMessageContaining("poll-interval must be at least 5 seconds")
                    .message().doesNotContain(SECRET);
        });
    }

    @Test
    void withoutThePlatformsVendorSupportThePluginStaysOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, VendorMailAutoConfiguration.class,
                        VendorMailWithoutPlatformSupport.class))
                .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new)
                .withPropertyValues(storeco())
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class);
                    assertThat(context.getBean(VendorMailWithoutPlatformSupport.Inactive.class).missing())
                            .containsExactly("CaseEvidence", "VendorInbox", "SingleNodeLease");
                });
    }

    @Test
    void twoVendorsAnsweringIntoOneMailboxArePolledOnce() {
        runner.withPropertyValues(storeco(
                P + "accounts.hostly.to=noc@hostly.example",
                P + "accounts.hostly.from=incidents@hosting.example",
                P + "accounts.hostly.smtp.host=smtp.hosting.example",
                P + "accounts.hostly.imap.host=IMAP.hosting.example",
                P + "accounts.hostly.imap.username=incidents")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BlackstartPlugin.class).descriptor().inboundEndpoints())
                    .containsExactly("IMAP poll vendor-poll:email:hostly");
        });
    }
}
