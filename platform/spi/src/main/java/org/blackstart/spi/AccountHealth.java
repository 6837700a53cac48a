package org.blackstart.spi;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outcome of the last call to each of a plugin's accounts (a vendor's Jira site, its portal), for
 * the plugin's {@link BlackstartPlugin#health()}: down while any account's last call failed, with when
 * and why; a success clears it. The description must hold no secret.
 */
public final class AccountHealth {

    private record Failure(Instant at, String description) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public AccountHealth(Clock clock) {
        this.clock = clock;
    }

    public void succeeded(String account) {
        failures.remove(account);
    }

    public void failed(String account, String description) {
        failures.put(account, new Failure(clock.instant(), description));
    }

    /** The health of a plugin with these configured accounts. */
    public PluginHealth of(Collection<String> accounts) {
        if (!failures.isEmpty()) {
            StringBuilder detail = new StringBuilder();
            failures.forEach((account, failure) -> detail.append(detail.isEmpty() ? "" : "; ").append("last call of account '")
                    .append(account).append("' failed at ").append(failure.at()).append(": ").append(failure.description()));
            return PluginHealth.down(detail.toString());
        }
        return new PluginHealth(PluginHealth.Status.UP, accounts.size() + " account(s): "
                + String.join(", ", accounts.stream().sorted().toList()));
    }
}
