package org.blackstart.plugins.jira;

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

class JiraPluginAutoConfigurationTest {

    private static final String TOKEN = "ATATT3xFfGF0-configured-token-0000";
    private static final String SECRET = "a-webhook-secret-of-32-characters!";
    private static final String ACCOUNT = "blackstart.plugins.jira.accounts.storeco.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, JiraPluginAutoConfiguration.class))
            .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new)
            .withBean(CaseEvidence.class, InMemoryCaseEvidence::new)
            .withBean(VendorInbox.class, InMemoryVendorInbox::new);

    private static String[] configured(String... more) {
        String[] base = {
                ACCOUNT + "base-url=https://storeco.atlassian.net",
                ACCOUNT + "email=escalations@hosting.example",
                ACCOUNT + "api-token=" + TOKEN,
                ACCOUNT + "service-desk-id=7",
                ACCOUNT + "request-type-id=42",
                ACCOUNT + "webhook-secret=" + SECRET};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void offWithoutAccounts() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BlackstartPlugin.class)
                .doesNotHaveBean(JiraCaseRoutes.class).doesNotHaveBean(JiraWebhookRoutes.class));
    }

    @Test
    void anAccountTurnsItOnWithAtlassiansDefaults() {
        runner.withPropertyValues(configured()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JiraCaseRoutes.class).hasSingleBean(JiraWebhookRoutes.class);
            assertThat(context.getBean(BlackstartPlugin.class).descriptor().slug()).isEqualTo("jira");
            JiraProperties.Account account = context.getBean(JiraProperties.class).account("storeco");
            assertThat(account.priorityName(1)).isEqualTo("Highest");
            assertThat(account.priorityName(4)).isEqualTo("Low");
            assertThat(account.closeTransition()).containsExactly("Resolve", "Close");
            assertThat(account.requestStatuses()).containsExactly("Waiting for customer");
            assertThat(account.disputeResolutions()).containsExactly("Won't Do", "Not a bug");
            assertThat(context.getBean(JiraProperties.class).toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
        });
    }

    @Test
    void aSitesOwnPriorityNamesReplaceTheDefaults() {
        runner.withPropertyValues(configured(ACCOUNT + "priorities.P1=Blocker", ACCOUNT + "priorities.P2=Critical"))
                .run(context -> {
                    JiraProperties.Account account = context.getBean(JiraProperties.class).account("storeco");
                    assertThat(account.priorityName(1)).isEqualTo("Blocker");
                    assertThat(account.priorityName(3)).isEqualTo("Medium");
                });
    }

    @Test
    void aShortWebhookSecretOrMissingCredentialsRefuseToStartWithoutShowingThem() {
        runner.withPropertyValues(configured(ACCOUNT + "webhook-secret=short-secret", ACCOUNT + "api-token="))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("webhook-secret must be at least 24 characters")
                            .hasMessageContaining("either email and api-token")
                            .message().doesNotContain("short-secret");
                });
    }

    @Test
    void anAccountWithoutItsDeskRefusesToStartAndSaysWhatIsMissing() {
        runner.withPropertyValues(ACCOUNT + "base-url=https://storeco.atlassian.net", ACCOUNT + "bearer-token=" + TOKEN,
                ACCOUNT + "webhook-secret=" + SECRET, ACCOUNT + "priorities.P5=Trivial").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("serviceDeskId")
                    .hasMessageContaining("requestTypeId").hasMessageContaining("only P1, P2, P3 and P4")
                    .message().doesNotContain(TOKEN);
        });
    }

    private static final String ACTIONS = "blackstart.plugins.jira.actions.";

    @Test
    void theTeamsTrackerAloneTurnsOnTheActionRoutesButNoVendorCases() {
        runner.withPropertyValues(ACTIONS + "base-url=https://team.atlassian.net", ACTIONS + "email=ops@team.example",
                ACTIONS + "api-token=" + TOKEN, ACTIONS + "project=OPS", ACTIONS + "webhook-secret=" + SECRET).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JiraActionRoutes.class).hasSingleBean(JiraWebhookRoutes.class)
                    .doesNotHaveBean(JiraCaseRoutes.class);
            JiraProperties.Actions actions = context.getBean(JiraProperties.class).actions();
            assertThat(actions.issueType()).isEqualTo("Task");
            assertThat(actions.doneTransition()).containsExactly("Done");
            assertThat(actions.labels()).containsExactly("blackstart", "action-item");
            assertThat(context.getBean(JiraProperties.class).toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
        });
    }

    @Test
    void anIncompleteTrackerOrAVendorAccountNamedActionsRefusesToStartWithoutShowingSecrets() {
        runner.withPropertyValues(ACTIONS + "base-url=https://team.atlassian.net", ACTIONS + "bearer-token=" + TOKEN,
                ACTIONS + "project=ops", ACTIONS + "webhook-secret=short-secret").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("project")
                    .hasMessageContaining("webhook-secret must be at least 24 characters")
                    .message().doesNotContain(TOKEN).doesNotContain("short-secret");
        });
        String[] named = configured();
        for (int i = 0; i < named.length; i++) {
            named[i] = named[i].replace(".accounts.storeco.", ".accounts.actions.");
        }
        runner.withPropertyValues(named).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no vendor account may be named 'actions'");
        });
    }
}
