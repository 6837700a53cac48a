package org.blackstart.app.statuspage;

import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;
import org.springframework.stereotype.Component;

/** The status page as a channel, listed beside the plugins; it goes down with the platform's website. */
@Component
class StatusPagePlugin implements BlackstartPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("statuspage", "Status page",
                StatusPagePlugin.class.getPackage().getImplementationVersion(),
                "Publishes approved notices on the platform's public status page, its Atom feed and static copy.",
                Set.of(Topics.NOTICE_STATUSPAGE), List.of("/status/subscribe", "/status/unsubscribe"),
                List.of("platform website"));
    }

    @Override
    public PluginHealth health() {
        return PluginHealth.up();
    }
}
