package org.blackstart.plugins.jira;

import org.blackstart.spi.AccountHealth;
import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The Jira plugin's descriptor, and its health: the outcome of each account's last call. */
public class JiraPlugin implements BlackstartPlugin {

    private final JiraProperties properties;
    private final AccountHealth health;

    JiraPlugin(JiraProperties properties, AccountHealth health) {
        this.properties = properties;
        this.health = health;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(JiraCases.SYSTEM, "Jira Service Management",
                JiraPlugin.class.getPackage().getImplementationVersion(),
                "Opens vendor cases as Jira Service Management requests with the incident's evidence, comments on them, "
                        + "raises their priority and closes them; reads the vendor's answers from Jira's webhook.",
                Set.of(Topics.VENDOR_CASE_OPEN, Topics.VENDOR_CASE_UPDATE, Topics.VENDOR_CASE_CLOSE),
                List.of("POST " + JiraWebhookReceiver.PATH + "/{account}"), properties.dependsOn());
    }

    @Override
    public PluginHealth health() {
        return health.of(properties.accounts().keySet());
    }
}
