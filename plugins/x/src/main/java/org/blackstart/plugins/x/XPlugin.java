package org.blackstart.plugins.x;

import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The X plugin's descriptor, and its health: the outcome of the last post. */
public class XPlugin implements BlackstartPlugin {

    private final XProperties properties;
    private final XApi api;

    XPlugin(XProperties properties, XApi api) {
        this.properties = properties;
        this.api = api;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("x", "X",
                XPlugin.class.getPackage().getImplementationVersion(),
                "Posts approved customer notices on X as @" + properties.account() + " (API v2, "
                        + (properties.auth() == XProperties.Auth.OAUTH2 ? "OAuth 2.0 user context" : "OAuth 1.0a") + ").",
                Set.of(Topics.NOTICE_X), List.of(), properties.dependsOn());
    }

    @Override
    public PluginHealth health() {
        XApi.Failure failure = api.lastFailure();
        if (failure != null) {
            return PluginHealth.down("last post to X failed at " + failure.at() + ": " + failure.description());
        }
        return new PluginHealth(PluginHealth.Status.UP, "posting as @" + properties.account());
    }
}
