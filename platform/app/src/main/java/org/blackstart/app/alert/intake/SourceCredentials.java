package org.blackstart.app.alert.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blackstart.app.demo.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The configured credential of each source, plus, in demo mode only, a well-known token
 * {@code demo-<source>-token} for each source that has none, so that a trial works out of the box
 * and a production configuration (demo off) has no credential it did not set.
 */
@Component
public class SourceCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(SourceCredentials.class);
    static final List<String> DEMO_SOURCES = List.of("alertmanager", "grafana", "events", "heartbeats");

    private final Map<String, AlertSourcesProperties.Credential> credentials;

    public SourceCredentials(AlertSourcesProperties properties, DemoProperties demo) {
        Map<String, AlertSourcesProperties.Credential> all = new LinkedHashMap<>(properties.sources());
        if (demo.enabled()) {
            List<String> demoSources = DEMO_SOURCES.stream().filter(s -> !all.containsKey(s)).toList();
            demoSources.forEach(s -> all.put(s, new AlertSourcesProperties.Credential("demo-" + s + "-token", null, null)));
            if (!demoSources.isEmpty()) {
                LOG.warn("BLACKSTART-ALERTS-020 demo alert-source tokens are active for {} (Authorization: Bearer demo-<source>-token). "
                        + "Set blackstart.demo.enabled=false and configure blackstart.alerts.sources.<source> for anything but a trial.",
                        demoSources);
            }
        }
        this.credentials = Map.copyOf(all);
    }

    Optional<AlertSourcesProperties.Credential> of(String source) {
        return Optional.ofNullable(credentials.get(source));
    }
}
