package org.blackstart.plugins.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.PluginHealth;
import org.blackstart.testkit.servicenow.ServiceNowSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What /actuator/health and GET /api/plugins show about the ServiceNow accounts. */
class ServiceNowPluginHealthTest {

    private final ServiceNowSimulation sn = ServiceNowSimulation.start();

    @AfterEach
    void stop() {
        sn.close();
    }

    @Test
    void upWhenTheInstanceAnswersTheCheapCheck() {
        ServiceNowPlugin plugin = new ServiceNowPlugin(SimulatedServiceNow.accounts(SimulatedServiceNow.properties(sn)));

        assertThat(plugin.health().status()).isEqualTo(PluginHealth.Status.UP);
        assertThat(sn.requests("/api/now/table/sys_user")).hasSize(1);
    }

    @Test
    void downWithTheAccountsNameButNoPasswordWhenTheCredentialsAreRefused() {
        String wrong = "not-the-password-123";
        ServiceNowPlugin plugin = new ServiceNowPlugin(SimulatedServiceNow.accounts(SimulatedServiceNow.properties(
                SimulatedServiceNow.account(sn, ServiceNowProperties.Auth.BASIC, wrong))));

        PluginHealth health = plugin.health();

        assertThat(health.status()).isEqualTo(PluginHealth.Status.DOWN);
        assertThat(health.detail()).contains("storeco", "HTTP 401").doesNotContain(wrong);
    }

    @Test
    void downAfterAFailedCallAndUpAgainAfterTheNextGoodOne() {
        ServiceNowAccounts accounts = SimulatedServiceNow.accounts(SimulatedServiceNow.properties(sn));
        ServiceNowPlugin plugin = new ServiceNowPlugin(accounts);
        sn.breakDown(503);
        try {
            accounts.get("storeco").ping();
        } catch (ServiceNowException expected) {
            // the failure is what health reports
        }

        assertThat(plugin.health().status()).isEqualTo(PluginHealth.Status.DOWN);
        assertThat(plugin.health().detail()).contains("HTTP 503");

        sn.recover();
        accounts.get("storeco").ping();
        assertThat(plugin.health().status()).isEqualTo(PluginHealth.Status.UP);
    }
}
