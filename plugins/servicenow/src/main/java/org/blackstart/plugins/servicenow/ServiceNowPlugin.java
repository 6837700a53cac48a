package org.blackstart.plugins.servicenow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The ServiceNow plugin's descriptor, and its health: the outcome of each account's last call. */
public class ServiceNowPlugin implements BlackstartPlugin {

    private final ServiceNowAccounts accounts;

    ServiceNowPlugin(ServiceNowAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public PluginDescriptor descriptor() {
        List<String> inbound = new ArrayList<>();
        Set<String> dependsOn = new LinkedHashSet<>();
        for (ServiceNowApi api : accounts.all()) {
            if (api.account().acceptsWebhooks()) {
                inbound.add("POST " + ServiceNowWebhook.PATH + "/" + api.name());
            }
            if (api.account().polls()) {
                inbound.add("poll " + api.account().base() + " every " + api.account().pollInterval());
            }
            dependsOn.addAll(api.account().dependsOn());
        }
        return new PluginDescriptor(ServiceNowCaseRoutes.SYSTEM, "ServiceNow vendor cases",
                ServiceNowPlugin.class.getPackage().getImplementationVersion(),
                "Opens, updates and closes vendor cases on ServiceNow instances with the incident's evidence, and "
                        + "brings the vendors' comments and state changes back by webhook or polling.",
                Set.of(Topics.VENDOR_CASE_OPEN, Topics.VENDOR_CASE_UPDATE, Topics.VENDOR_CASE_CLOSE),
                inbound, List.copyOf(dependsOn));
    }

    /**
     * Down when an account's last call failed; the cheap {@code sys_user} check runs for accounts
     * that made no call yet, so a wrong password shows before the first incident needs it.
     */
    @Override
    public PluginHealth health() {
        List<String> failing = new ArrayList<>();
        for (ServiceNowApi api : accounts.all()) {
            if (api.lastCall() == null) {
                try {
                    api.ping();
                } catch (RuntimeException failure) {
                    // remembered as the account's last call
                }
            }
            ServiceNowApi.LastCall last = api.lastCall();
            if (last != null && !last.ok()) {
                failing.add(api.name() + " at " + last.at() + ": " + last.description());
            }
        }
        if (!failing.isEmpty()) {
            return PluginHealth.down("last ServiceNow call failed for " + String.join("; ", failing));
        }
        return new PluginHealth(PluginHealth.Status.UP, accounts.all().size() + " ServiceNow account(s) answering");
    }
}
