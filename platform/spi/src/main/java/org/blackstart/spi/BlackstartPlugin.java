package org.blackstart.spi;

/**
 * A plugin registers one bean of this type through its Spring Boot auto-configuration; its routes
 * are ordinary Camel {@code RouteBuilder} beans.
 */
public interface BlackstartPlugin {

    PluginDescriptor descriptor();

    /** Cheap check, called by {@code /actuator/health} and {@code GET /api/plugins}. */
    default PluginHealth health() {
        return new PluginHealth(PluginHealth.Status.UNKNOWN, "no health check");
    }
}
