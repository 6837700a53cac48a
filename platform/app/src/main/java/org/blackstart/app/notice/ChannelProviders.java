package org.blackstart.app.notice;

import java.util.List;
import java.util.Optional;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Which plugin serves a notice channel, and what it depends on; from the plugins' descriptors. */
@Component
public class ChannelProviders {

    private final ObjectProvider<BlackstartPlugin> plugins;

    public ChannelProviders(ObjectProvider<BlackstartPlugin> plugins) {
        this.plugins = plugins;
    }

    /** The descriptor of the plugin serving {@code notice.<channel>}, if one is active. */
    public Optional<PluginDescriptor> provider(NoticeChannel channel) {
        String topic = Topics.notice(channel.code());
        return plugins.orderedStream().map(BlackstartPlugin::descriptor)
                .filter(d -> d.topics().contains(topic)).findFirst();
    }

    public boolean served(NoticeChannel channel) {
        return provider(channel).isPresent();
    }

    /** What the channel's plugin depends on ("own mail servers"), or nothing when no plugin serves it. */
    public List<String> dependsOn(NoticeChannel channel) {
        return provider(channel).map(PluginDescriptor::dependsOn).orElse(List.of());
    }
}
