package org.blackstart.app.engine;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * A step's {@code blackstart.timeline} line: an expression evaluated when the step ends, and its kind.
 * Parsed when the process is deployed, so a mistyped kind or a broken expression fails the deployment
 * instead of the incident.
 */
record TimelineLine(Expression text, TimelineKind kind) {

    static TimelineLine parse(String activityId, String expression, String kind) {
        TimelineKind parsedKind;
        try {
            parsedKind = kind == null || kind.isBlank() ? TimelineKind.STEP_COMPLETED : TimelineKind.valueOf(kind.strip());
        } catch (IllegalArgumentException unknown) {
            throw new ProcessEngineException("activity " + activityId + ": blackstart.timeline.kind '" + kind
                    + "' is not one of " + Arrays.stream(TimelineKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        return new TimelineLine(Context.getProcessEngineConfiguration().getExpressionManager().createExpression(expression),
                parsedKind);
    }
}
