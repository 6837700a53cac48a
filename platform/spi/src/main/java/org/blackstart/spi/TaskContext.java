package org.blackstart.spi;

import java.util.Map;
import java.util.Objects;

/**
 * Where an external task comes from. The bridge puts it in the {@link BlackstartHeaders#TASK}
 * header of every exchange it hands to a plugin route.
 *
 * @param taskId            Camunda external task id
 * @param topic             the capability the task asks for
 * @param incidentKey       business key of the incident, {@code INC-<year>-<seq>}
 * @param processInstanceId the process instance that asked
 * @param activityId        the BPMN activity that asked; with the incident key it names the step
 * @param attempt           1 on the first try, 2 on the first retry, ...
 * @param variables         the process variables visible to the task
 */
public record TaskContext(String taskId, String topic, String incidentKey, String processInstanceId,
                          String activityId, int attempt, Map<String, Object> variables) {

    public TaskContext {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(topic, "topic");
        variables = variables == null ? Map.of() : Map.copyOf(withoutNulls(variables));
    }

    /** A variable as a string, or {@code null} when it is not set. */
    public String string(String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> variables) {
        var copy = new java.util.HashMap<String, Object>();
        variables.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
