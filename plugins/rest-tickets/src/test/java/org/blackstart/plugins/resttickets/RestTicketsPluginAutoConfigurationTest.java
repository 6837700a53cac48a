package org.blackstart.plugins.resttickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RestTicketsPluginAutoConfigurationTest {

    private static final String TOKEN = "vp_live_configured_token_0000000000";
    private static final String SECRET = "portal-webhook-secret-of-32-chars!";
    private static final String ACCOUNT = "blackstart.plugins.rest-tickets.accounts.hostly.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, RestTicketsPluginAutoConfiguration.class))
            .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new)
            .withBean(CaseEvidence.class, InMemoryCaseEvidence::new)
            .withBean(VendorInbox.class, InMemoryVendorInbox::new);

    private static String[] configured(String... more) {
        String[] base = {
                ACCOUNT + "base-url=https://support.hostly.example",
                ACCOUNT + "auth.type=bearer",
                ACCOUNT + "auth.token=" + TOKEN,
                ACCOUNT + "open.case-number=/data/caseNumber",
                ACCOUNT + "webhook-secret=" + SECRET};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void offWithoutAccounts() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class)
                .doesNotHaveBean(RestTicketsCaseRoutes.class).doesNotHaveBean(RestTicketsWebhookRoutes.class));
    }

    @Test
    void anAccountWithItsCaseNumberPointerTurnsItOnWithTheDefaultCalls() {
        runner.withPropertyValues(configured()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RestTicketsCaseRoutes.class)
                    .hasSingleBean(RestTicketsWebhookRoutes.class);
            assertThat(context.getBean(BlackstartPlugin.class).descriptor().slug()).isEqualTo("rest-tickets");
            RestTicketsProperties.Account account = context.getBean(RestTicketsProperties.class).accounts().get("hostly");
            assertThat(account.open().path()).isEqualTo("/api/cases");
            assertThat(account.update().path()).isEqualTo("/api/cases/${caseId}/comments");
            assertThat(account.secretHeader()).isEqualTo("X-Blackstart-Secret");
            assertThat(account.close()).isNull();
            assertThat(context.getBean(RestTicketsProperties.class).toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
        });
    }

    @Test
    void anUnknownPlaceholderRefusesToStartAndNamesItAndTheKey() {
        runner.withPropertyValues(configured(ACCOUNT + "update.body={\"text\": \"${answer}\"}")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("blackstart.plugins.rest-tickets.accounts.hostly.update.body")
                    .hasMessageContaining("${answer}").hasMessageContaining("${text}");
        });
    }

    @Test
    void aCaseIdInTheOpenBodyRefusesToStartBecauseThereIsNoneYet() {
        runner.withPropertyValues(configured(ACCOUNT + "open.body={\"id\": \"${caseId}\"}")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("open.body").hasMessageContaining("${caseId}");
        });
    }

    @Test
    void aBodyThatIsNotJsonOnceFilledInRefusesToStart() {
        runner.withPropertyValues(configured(ACCOUNT + "open.body={\"title\": ${subject}}")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("open.body")
                    .hasMessageContaining("is not JSON once its placeholders are filled in");
        });
    }

    @Test
    void aPointerWithoutItsLeadingSlashRefusesToStart() {
        runner.withPropertyValues(configured(ACCOUNT + "open.case-number=data.caseNumber")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("open.case-number")
                    .hasMessageContaining("JSON Pointer");
        });
    }

    @Test
    void incompleteAuthOrAShortSecretRefuseToStartWithoutShowingThem() {
        runner.withPropertyValues(configured(ACCOUNT + "auth.type=header", ACCOUNT + "auth.name=X-Api-Key",
                ACCOUNT + "webhook-secret=tiny-secret")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("header needs name and value")
                    .hasMessageContaining("webhook-secret must be at least 24 characters")
                    .message().doesNotContain("tiny-secret").doesNotContain(TOKEN);
        });
    }
}
