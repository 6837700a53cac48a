package org.blackstart.app.crash;

import java.util.concurrent.atomic.AtomicInteger;
import org.blackstart.app.alert.AlertInboxListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Test-only, inert unless {@code blackstart.test.halt-after-alert-batches} is set: after that many
 * payloads were committed to the inbox, kills the JVM a moment later, once the 202 has gone out,
 * so that nothing after the answer (processing, a graceful shutdown) gets to run.
 */
@AutoConfiguration
@ConditionalOnProperty("blackstart.test.halt-after-alert-batches")
public class HaltAfterAlertsAutoConfiguration {

    /** Long enough for the 202 to be written, short enough that nothing else is done. */
    static final long DELAY_MILLIS = 1000;

    @Bean
    AlertInboxListener haltAfterAlerts(@Value("${blackstart.test.halt-after-alert-batches}") int batches) {
        AtomicInteger stored = new AtomicInteger();
        return (source, count) -> {
            if (stored.incrementAndGet() == batches) {
                Thread halt = new Thread(() -> {
                    try {
                        Thread.sleep(DELAY_MILLIS);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                    System.err.println("HALT after " + batches + " alert batches");
                    Runtime.getRuntime().halt(HaltAfterRouteAutoConfiguration.HALT_STATUS);
                }, "halt-after-alerts");
                halt.setDaemon(false);
                halt.start();
            }
        };
    }
}
