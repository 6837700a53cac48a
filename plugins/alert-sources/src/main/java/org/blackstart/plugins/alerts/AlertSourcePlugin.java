package org.blackstart.plugins.alerts;

import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;

/** One alert source as the platform lists it; healthy while its route is started. */
public class AlertSourcePlugin implements BlackstartPlugin {

    private final AlertSource source;
    private final CamelContext camel;

    AlertSourcePlugin(AlertSource source, CamelContext camel) {
        this.source = source;
        this.camel = camel;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(source.slug(), source.title(),
                AlertSourcePlugin.class.getPackage().getImplementationVersion(), source.description(),
                Set.of(), List.of(source.path()), List.of());
    }

    @Override
    public PluginHealth health() {
        ServiceStatus status = camel.getRouteController().getRouteStatus(source.routeId());
        if (status == ServiceStatus.Started) {
            return PluginHealth.up();
        }
        return PluginHealth.down("route " + source.routeId() + " is " + (status == null ? "missing" : status.name().toLowerCase()));
    }
}
