package org.blackstart.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.blackstart.plugins.jira.JiraPluginAutoConfiguration;
import org.blackstart.plugins.resttickets.RestTicketsPluginAutoConfiguration;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Vendors on Jira and vendors on their own portals at once: each plugin starts, with a health of its own accounts. */
class TicketingPluginsTogetherTest {

    private static final String JIRA = "blackstart.plugins.jira.accounts.storeco.";
    private static final String PORTAL = "blackstart.plugins.rest-tickets.accounts.hostly.";

    @Test
    void jiraAndRestTicketsRunSideBySideEachWithItsOwnHealth() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        JiraPluginAutoConfiguration.class, RestTicketsPluginAutoConfiguration.class))
                .withBean(DeliveryLedger.class, InMemoryDeliveryLedger::new)
                .withBean(CaseEvidence.class, InMemoryCaseEvidence::new)
                .withBean(VendorInbox.class, InMemoryVendorInbox::new)
                .withPropertyValues(
                        JIRA + "base-url=https://storeco.atlassian.net",
                        JIRA + "email=escalations@hosting.example",
                        JIRA + "api-token=ATATT3xFfGF0-configured-token-0000",
                        JIRA + "service-desk-id=7",
                        JIRA + "request-type-id=42",
                        JIRA + "webhook-secret=a-webhook-secret-of-32-characters!",
                        PORTAL + "base-url=https://support.hostly.example",
                        PORTAL + "auth.type=bearer",
                        PORTAL + "auth.token=vp_live_configured_token_0000000000",
                        PORTAL + "open.case-number=/data/caseNumber",
                        PORTAL + "webhook-secret=portal-webhook-secret-of-32-chars!")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<String, PluginHealth> health = context.getBeansOfType(BlackstartPlugin.class).values().stream()
                            .collect(Collectors.toMap(p -> p.descriptor().slug(), BlackstartPlugin::health));
                    assertThat(health).containsOnlyKeys("jira", "rest-tickets");
                    assertThat(health.get("jira").detail()).contains("storeco").doesNotContain("hostly");
                    assertThat(health.get("rest-tickets").detail()).contains("hostly").doesNotContain("storeco");
                });
    }
}
