/**
 * The {@code blackstart:} Camel component, the one place where Camunda and Camel meet.
 * <ul>
 *   <li>{@code blackstart:task:<topic>} fetches and locks external tasks, hands them to a plugin
 *       route and completes them, raises a BPMN error, or reports a failure with retries;</li>
 *   <li>{@code blackstart:start:<processKey>} starts a process instance once per dedup key;</li>
 *   <li>{@code blackstart:message:<messageName>} correlates a message by business key.</li>
 * </ul>
 * Work runs outside the engine's transaction: a route may call a remote service for minutes
 * while the engine only holds a lock, which the consumer extends.
 */
package org.blackstart.bridge;
