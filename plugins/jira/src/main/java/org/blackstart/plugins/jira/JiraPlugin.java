package org.blackstart.plugins.jira;

import org.blackstart.spi.AccountHealth;
import java.util.LinkedHashSet;
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
        Set<String> topics = new LinkedHashSet<>();
        if (!properties.accounts().isEmpty()) {
            topics.addAll(List.of(Topics.VENDOR_CASE_OPEN, Topics.VENDOR_CASE_UPDATE, Topics.VENDOR_CASE_CLOSE));
        }
        if (properties.actions() != null) {
            topics.addAll(List.of(Topics.ACTIONS_TICKET_OPEN, Topics.ACTIONS_TICKET_CLOSE));
        }
        return new PluginDescriptor(JiraCases.SYSTEM, "Jira Service Management",
                JiraPlugin.class.getPackage().getImplementationVersion(),
                "Opens vendor cases as Jira Service Management requests with the incident's evidence, comments on them, "
                        + "raises their priority and closes them; reads the vendor's answers from Jira's webhook. Opens "
                        + "postmortem action items as issues in the team's Jira and closes them; an issue finished there "
                        + "closes its item.",
                Set.copyOf(topics), List.of("POST " + JiraWebhookReceiver.PATH + "/{account}"), properties.dependsOn());
    }

    @Override
    public PluginHealth health() {
        Set<String> sites = new LinkedHashSet<>(properties.accounts().keySet());
        if (properties.actions() != null) {
            sites.add(JiraProperties.ACTIONS);
        }
        return health.of(sites);
    }
}
