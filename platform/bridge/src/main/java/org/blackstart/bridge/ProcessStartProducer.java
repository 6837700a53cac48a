package org.blackstart.bridge;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.StartOutcome;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * {@code blackstart:start:<processKey>}: starts the latest version of a process with the body
 * (a map) as variables. With a {@link BlackstartHeaders#DEDUP_KEY} the same start twice opens one
 * instance; the body afterwards is a {@link StartOutcome} either way.
 */
class ProcessStartProducer extends DefaultProducer {

    private final BlackstartEndpoint endpoint;

    ProcessStartProducer(BlackstartEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) {
        BlackstartComponent component = endpoint.getComponent();
        String businessKey = exchange.getIn().getHeader(BlackstartHeaders.BUSINESS_KEY, String.class);
        String dedupKey = exchange.getIn().getHeader(BlackstartHeaders.DEDUP_KEY, String.class);
        Map<String, Object> variables = MessageBodies.variables(exchange);

        Supplier<StartOutcome> start = () -> {
            ProcessInstantiationBuilder builder = component.getProcessEngine().getRuntimeService()
                    .createProcessInstanceByKey(endpoint.name())
                    .setVariables(variables);
            if (businessKey != null) {
                builder.businessKey(businessKey);
            }
            ProcessInstance instance = builder.execute();
            return new StartOutcome(instance.getId(), instance.getBusinessKey(), true);
        };
        StartOutcome outcome = dedupKey == null || dedupKey.isBlank()
                ? start.get()
                : component.getStartGuard().startOnce(dedupKey, start);

        exchange.getMessage().setBody(outcome);
        exchange.getMessage().setHeader(BlackstartHeaders.CREATED, outcome.created());
        exchange.getMessage().setHeader(BlackstartHeaders.BUSINESS_KEY, outcome.businessKey());
    }
}
