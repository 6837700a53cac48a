package org.blackstart.spi;

import java.util.HashMap;
import java.util.Map;

/**
 * What a plugin route leaves in the body when it is done: the variables to complete the task with.
 * A plain {@code Map<String, Object>} body works too; any other body completes with no variables.
 */
public record TaskResult(Map<String, Object> variables) {

    public TaskResult {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public static TaskResult empty() {
        return new TaskResult(Map.of());
    }

    public static TaskResult of(String name, Object value) {
        return new TaskResult(Map.of(name, value));
    }

    public TaskResult and(String name, Object value) {
        var copy = new HashMap<>(variables);
        copy.put(name, value);
        return new TaskResult(copy);
    }
}
