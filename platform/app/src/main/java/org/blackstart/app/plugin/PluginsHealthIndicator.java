package org.blackstart.app.plugin;

import java.util.List;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginHealth;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Plugins in {@code /actuator/health}. A plugin whose remote side is down does not take the
 * platform down: incidents still run and its tasks retry; the detail tells the operator.
 */
@Component("plugins")
class PluginsHealthIndicator extends AbstractHealthIndicator {

    private final List<BlackstartPlugin> plugins;
    private final TopicCoverage coverage;

    PluginsHealthIndicator(List<BlackstartPlugin> plugins, TopicCoverage coverage) {
        this.plugins = plugins;
        this.coverage = coverage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        for (BlackstartPlugin plugin : plugins) {
            PluginHealth health = plugin.health();
            builder.withDetail(plugin.descriptor().slug(), health.status() + (health.detail().isEmpty() ? "" : ": " + health.detail()));
        }
        builder.withDetail("unservedTopics", coverage.unserved().stream().map(TopicCoverage.UnservedTopic::topic).toList());
    }
}
