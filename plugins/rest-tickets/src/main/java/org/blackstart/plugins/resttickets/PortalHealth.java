package org.blackstart.plugins.resttickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.PluginHealth;

/** The outcome of the last call to each account's portal, for the plugin's health. */
final class PortalHealth {

    private record Failure(Instant at, String description) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    PortalHealth(Clock clock) {
        this.clock = clock;
    }

    void succeeded(String account) {
        failures.remove(account);
    }

    void failed(String account, String description) {
        failures.put(account, new Failure(clock.instant(), description));
    }

    PluginHealth of(RestTicketsProperties properties) {
        if (!failures.isEmpty()) {
            StringBuilder detail = new StringBuilder();
            failures.forEach((account, failure) -> detail.append(detail.isEmpty() ? "" : "; ").append("last call of account '")
                    .append(account).append("' failed at ").append(failure.at()).append(": ").append(failure.description()));
            return PluginHealth.down(detail.toString());
        }
        return new PluginHealth(PluginHealth.Status.UP, properties.accounts().size() + " account(s): "
                + String.join(", ", properties.accounts().keySet().stream().sorted().toList()));
    }
}
