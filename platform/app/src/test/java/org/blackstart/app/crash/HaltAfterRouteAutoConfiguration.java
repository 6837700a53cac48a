package org.blackstart.app.crash;

import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.EventNotifierSupport;
import org.blackstart.spi.TaskResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Test-only, inert unless {@code blackstart.test.halt-after-route} names a route: kills the JVM the
 * moment that route has finished an external task, which is after its sends and ledger updates
 * and before the bridge completes the task in the engine. The crash window that matters most.
 */
@AutoConfiguration
@ConditionalOnProperty("blackstart.test.halt-after-route")
public class HaltAfterRouteAutoConfiguration {

    public static final int HALT_STATUS = 137;

    @Bean
    EventNotifier haltAfterRoute(@Value("${blackstart.test.halt-after-route}") String routeId) {
        return new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent completed
                        && routeId.equals(completed.getExchange().getFromRouteId())
                        && completed.getExchange().getProperty(ExchangePropertyKey.SPLIT_INDEX) == null
                        && completed.getExchange().getMessage().getBody() instanceof TaskResult) {
                    System.err.println("HALT after route " + routeId);
                    Runtime.getRuntime().halt(HALT_STATUS);
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeCompletedEvent;
            }
        };
    }
}
