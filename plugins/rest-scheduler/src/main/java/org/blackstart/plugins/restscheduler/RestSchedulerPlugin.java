package org.blackstart.plugins.restscheduler;

import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The REST scheduler plugin's descriptor, and its health: the outcome of the last call. */
public class RestSchedulerPlugin implements BlackstartPlugin {

    private final RestSchedulerProperties properties;
    private final SchedulerApi api;

    RestSchedulerPlugin(RestSchedulerProperties properties, SchedulerApi api) {
        this.properties = properties;
        this.api = api;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("rest-scheduler", "REST scheduler",
                RestSchedulerPlugin.class.getPackage().getImplementationVersion(),
                "Lists the jobs an outage delayed on " + properties.baseUrl().getHost()
                        + " and runs or cancels each once, with an Idempotency-Key.",
                Set.of(Topics.JOBS_DEFERRED_LIST, Topics.JOBS_DEFERRED_EXECUTE), List.of(), properties.dependsOn());
    }

    @Override
    public PluginHealth health() {
        SchedulerApi.Failure failure = api.lastFailure();
        if (failure != null) {
            return PluginHealth.down("last call to the scheduler failed at " + failure.at() + ": " + failure.description());
        }
        return new PluginHealth(PluginHealth.Status.UP, "scheduler at " + properties.baseUrl().getHost());
    }
}
