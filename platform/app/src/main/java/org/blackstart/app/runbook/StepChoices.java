package org.blackstart.app.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A step's {@code blackstart.choices} ({@code checksumVerified=yes|no; replayDone=more|done}): the decisions its
 * gateways read. Each time the step is offered its earlier answer is forgotten, so a looped step decides afresh and
 * its form shows nothing chosen; a completion must choose one of the values, or a gateway would take its default.
 */
record StepChoices(Map<String, List<String>> choices) {

    static StepChoices parse(String activityId, String property) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (String choice : property.split(";")) {
            String[] parts = choice.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new ProcessEngineException("activity " + activityId + ": blackstart.choices '" + property
                        + "' is not of the form name=value|value; name=value|value");
            }
            choices.put(parts[0].strip(), List.of(parts[1].strip().split("\\s*\\|\\s*")));
        }
        return new StepChoices(Map.copyOf(choices));
    }

    void offered(DelegateTask task) {
        choices.keySet().forEach(task::removeVariable);
    }

    void completed(DelegateTask task) {
        choices.forEach((name, values) -> {
            Object value = task.getVariable(name);
            if (value == null || !values.contains(value.toString())) {
                throw new FormFieldValidationException(name, "Choose " + name + ": " + String.join(" or ", values) + ".");
            }
        });
    }
}
