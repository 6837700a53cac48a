package org.blackstart.plugins.resttickets;

import org.blackstart.spi.AccountHealth;
import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The generic REST ticketing plugin's descriptor, and its health: the outcome of each account's last call. */
public class RestTicketsPlugin implements BlackstartPlugin {

    static final String SLUG = "rest-tickets";

    private final RestTicketsProperties properties;
    private final AccountHealth health;

    RestTicketsPlugin(RestTicketsProperties properties, AccountHealth health) {
        this.properties = properties;
        this.health = health;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(SLUG, "Vendor REST portals",
                RestTicketsPlugin.class.getPackage().getImplementationVersion(),
                "Opens, updates and closes vendor cases on a vendor's own REST API, described per vendor by URL and JSON "
                        + "templates and JSON Pointers (ticketing system '" + PortalCases.SYSTEM + "'); reads answers "
                        + "from the vendor's webhook.",
                Set.of(Topics.VENDOR_CASE_OPEN, Topics.VENDOR_CASE_UPDATE, Topics.VENDOR_CASE_CLOSE),
                List.of("POST " + PortalWebhookReceiver.PATH + "/{account}"), properties.dependsOn());
    }

    @Override
    public PluginHealth health() {
        return health.of(properties.accounts().keySet());
    }
}
