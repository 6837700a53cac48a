package org.blackstart.app.notice;

import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;
import org.springframework.stereotype.Component;

/** What the platform serves itself, listed beside the plugins. */
@Component
class PlatformCapabilities implements BlackstartPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("platform", "Blackstart platform",
                PlatformCapabilities.class.getPackage().getImplementationVersion(),
                "Drafts customer notices from templates for the subscribers of the affected services.",
                Set.of(Topics.NOTICE_DRAFT), List.of("/api/incidents"), List.of("platform database"));
    }

    @Override
    public PluginHealth health() {
        return PluginHealth.up();
    }
}
