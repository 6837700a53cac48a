package org.blackstart.spi;

/**
 * Body after {@code blackstart:message:<messageName>}.
 *
 * @param matched how many executions received the message; 0 means nothing was waiting for it
 */
public record CorrelationOutcome(String messageName, String correlationKey, int matched) {

    public boolean correlated() {
        return matched > 0;
    }
}
