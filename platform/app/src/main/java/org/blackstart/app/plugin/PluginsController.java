package org.blackstart.app.plugin;

import java.util.Comparator;
import java.util.List;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/plugins}: what is installed, what it serves, whether it is healthy, what is missing. */
@RestController
class PluginsController {

    private final List<BlackstartPlugin> plugins;
    private final TopicCoverage coverage;

    PluginsController(List<BlackstartPlugin> plugins, TopicCoverage coverage) {
        this.plugins = plugins;
        this.coverage = coverage;
    }

    record PluginView(PluginDescriptor descriptor, PluginHealth health) {
    }

    record PluginsView(List<PluginView> plugins, List<TopicCoverage.UnservedTopic> unservedTopics) {
    }

    @GetMapping("/api/plugins")
    PluginsView list() {
        List<PluginView> views = plugins.stream()
                .map(p -> new PluginView(p.descriptor(), p.health()))
                .sorted(Comparator.comparing(v -> v.descriptor().slug()))
                .toList();
        return new PluginsView(views, coverage.unserved());
    }
}
