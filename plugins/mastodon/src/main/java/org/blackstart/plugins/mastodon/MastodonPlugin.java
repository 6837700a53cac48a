package org.blackstart.plugins.mastodon;

import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The Mastodon plugin's descriptor, and its health: the outcome of the last post. */
public class MastodonPlugin implements BlackstartPlugin {

    private final MastodonProperties properties;
    private final MastodonApi api;

    MastodonPlugin(MastodonProperties properties, MastodonApi api) {
        this.properties = properties;
        this.api = api;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("mastodon", "Mastodon",
                MastodonPlugin.class.getPackage().getImplementationVersion(),
                "Posts approved customer notices on " + properties.instanceUrl().getHost() + " ("
                        + properties.visibility().apiValue() + "), once per notice thanks to Idempotency-Key.",
                Set.of(Topics.NOTICE_MASTODON), List.of(), properties.dependsOn());
    }

    @Override
    public PluginHealth health() {
        MastodonApi.Failure failure = api.lastFailure();
        if (failure != null) {
            return PluginHealth.down("last post to Mastodon failed at " + failure.at() + ": " + failure.description());
        }
        return new PluginHealth(PluginHealth.Status.UP, "posting on " + properties.instanceUrl().getHost());
    }
}
