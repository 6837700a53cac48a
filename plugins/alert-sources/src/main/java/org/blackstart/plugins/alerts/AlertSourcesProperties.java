package org.blackstart.plugins.alerts;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.alert-sources.*}: which sources listen. Their credentials are the
 * platform's business ({@code blackstart.alerts.sources.<source>}), checked before a route runs.
 *
 * @param enabled all sources on or off
 */
@ConfigurationProperties("blackstart.plugins.alert-sources")
@Validated
public record AlertSourcesProperties(@DefaultValue("true") boolean enabled,
                                     @Valid @DefaultValue Source alertmanager,
                                     @Valid @DefaultValue Source grafana,
                                     @Valid @DefaultValue Source events) {

    /** @param enabled whether this source's endpoint exists */
    public record Source(@DefaultValue("true") boolean enabled) {
    }

    List<AlertSource> enabledSources() {
        List<AlertSource> sources = new ArrayList<>();
        if (alertmanager.enabled()) {
            sources.add(AlertSource.ALERTMANAGER);
        }
        if (grafana.enabled()) {
            sources.add(AlertSource.GRAFANA);
        }
        if (events.enabled()) {
            sources.add(AlertSource.EVENTS);
        }
        return sources;
    }
}
