package org.blackstart.app.bridge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.blackstart.bridge.BridgeSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.bridge.*}: how external tasks are fetched and retried.
 *
 * @param workerId     this node's name in Camunda's locks; defaults to host name and process id
 * @param lockDuration how long a fetched task stays locked (extended while a route works)
 * @param pollDelay    pause between polls when there is nothing to do; it bounds how long a new page waits
 *                     before a telephony plugin takes it (the goal is a page within 1 s of the alert)
 * @param maxTasks     tasks fetched per poll and topic
 * @param retries      retries after the first failure before a Camunda incident opens
 * @param retryBackoff wait before each retry; the last repeats
 */
@ConfigurationProperties("blackstart.bridge")
@Validated
public record BridgeProperties(
        String workerId,
        @NotNull @DefaultValue("1m") Duration lockDuration,
        @NotNull @DefaultValue("200ms") Duration pollDelay,
        @Min(1) @Max(1000) @DefaultValue("10") int maxTasks,
        @Min(0) @Max(100) @DefaultValue("3") int retries,
        @NotEmpty @DefaultValue({"10s", "1m", "5m"}) List<Duration> retryBackoff) {

    public BridgeSettings toSettings() {
        String worker = workerId == null || workerId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : workerId;
        return new BridgeSettings(worker, lockDuration, pollDelay, maxTasks, retries, retryBackoff);
    }
}
