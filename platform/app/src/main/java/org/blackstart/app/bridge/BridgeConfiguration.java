package org.blackstart.app.bridge;

import org.blackstart.bridge.BlackstartComponent;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code blackstart:} component, bound to this node's engine. */
@Configuration(proxyBeanMethods = false)
class BridgeConfiguration {

    @Bean("blackstart")
    BlackstartComponent blackstartComponent(ProcessEngine engine, BridgeProperties properties, JdbcStartGuard startGuard,
                                            ConfiguredSecretRedactor redactor, TimelineTeamDirectory teamDirectory) {
        BlackstartComponent component = new BlackstartComponent(engine, properties.toSettings());
        component.setStartGuard(startGuard);
        component.setRedactor(redactor);
        component.setTeamDirectory(teamDirectory);
        return component;
    }
}
