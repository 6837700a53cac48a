package org.blackstart.spi;

/**
 * Body after {@code blackstart:start:<processKey>}.
 *
 * @param created false when the dedup key had started an instance before and this is that instance
 */
public record StartOutcome(String processInstanceId, String businessKey, boolean created) {
}
