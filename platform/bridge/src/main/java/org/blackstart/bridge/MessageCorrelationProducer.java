package org.blackstart.bridge;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CorrelationOutcome;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code blackstart:message:<messageName>}: delivers a message to every execution of the incident
 * named by {@link BlackstartHeaders#CORRELATION_KEY} that waits for it. {@link BlackstartHeaders#CORRELATION_VARIABLES} narrows the match to
 * instances holding those variables (a paging instance by its acknowledgement code). A message nobody waits for
 * is not an error by default: the body becomes a {@link CorrelationOutcome} with {@code matched = 0}
 * and {@link BlackstartHeaders#CORRELATED} is false, so the route decides (reply 404, log, drop).
 */
class MessageCorrelationProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(MessageCorrelationProducer.class);

    private final BlackstartEndpoint endpoint;

    MessageCorrelationProducer(BlackstartEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) {
        String messageName = endpoint.name();
        String key = exchange.getIn().getHeader(BlackstartHeaders.CORRELATION_KEY, String.class);
        if (key == null) {
            key = exchange.getIn().getHeader(BlackstartHeaders.BUSINESS_KEY, String.class);
        }
        Map<String, Object> variables = MessageBodies.variables(exchange);

        MessageCorrelationBuilder correlation = endpoint.getComponent().getProcessEngine().getRuntimeService()
                .createMessageCorrelation(messageName);
        if (Boolean.TRUE.equals(exchange.getIn().getHeader(BlackstartHeaders.CORRELATION_LOCAL, Boolean.class))) {
            // To the scope the message triggers (the event sub-process it starts), not "local": Camunda's
            // local variables go on the execution holding the subscription, which for an event
            // sub-process is the process instance itself.
            correlation.setVariablesToTriggeredScope(variables);
        } else {
            correlation.setVariables(variables);
        }
        if (key != null) {
            correlation.processInstanceBusinessKey(key);
        }
        Map<?, ?> required = exchange.getIn().getHeader(BlackstartHeaders.CORRELATION_VARIABLES, Map.class);
        if (required != null) {
            required.forEach((name, value) -> correlation.processInstanceVariableEquals(String.valueOf(name), value));
        }
        if (key == null && (required == null || required.isEmpty())) {
            // Without a key or a variable a message would reach every waiting incident at once.
            throw new IllegalArgumentException("message '" + messageName + "' needs " + BlackstartHeaders.CORRELATION_KEY
                    + " or " + BlackstartHeaders.CORRELATION_VARIABLES);
        }
        List<MessageCorrelationResult> results = correlateRetryingConflicts(correlation, messageName, key);
        CorrelationOutcome outcome = new CorrelationOutcome(messageName, key, results.size());
        if (!outcome.correlated()) {
            LOG.info("BLACKSTART-BRIDGE-006 message '{}' for '{}' matched no waiting process", messageName, key);
            if (endpoint.isRequireMatch()) {
                throw new MessageNotCorrelatedException(messageName, key);
            }
        }
        exchange.getMessage().setBody(outcome);
        exchange.getMessage().setHeader(BlackstartHeaders.CORRELATED, outcome.correlated());
    }

    /** Attempts before a message that keeps colliding with concurrent work on its instance is given up. */
    static final int CORRELATION_ATTEMPTS = 5;

    /**
     * A message often arrives while a worker completes a task of the same instance (a keypress while
     * the SMS of that page is being reported sent): one of the two transactions loses with an
     * optimistic locking failure and was rolled back entirely, so the message is simply tried again.
     * Giving up would lose an answer the caller cannot repeat, such as Twilio's keypress callback.
     */
    private static List<MessageCorrelationResult> correlateRetryingConflicts(MessageCorrelationBuilder correlation,
                                                                            String messageName, String key) {
        for (int attempt = 1; ; attempt++) {
            try {
                return correlation.correlateAllWithResult();
            } catch (OptimisticLockingException conflict) {
                if (attempt >= CORRELATION_ATTEMPTS) {
                    throw conflict;
                }
                LOG.debug("BLACKSTART-BRIDGE-007 message '{}' for '{}' met a concurrent update, attempt {} of {}",
                        messageName, key, attempt, CORRELATION_ATTEMPTS);
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw conflict;
                }
            }
        }
    }
}
