package org.blackstart.app.taskguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A check of the values a completion sends, for a task whose form alone cannot say what is acceptable (a change
 * must name a job of this review; a call that reached the customer must carry their decision). The guard asks
 * every check before the engine sees the completion and answers 400 with the refusal, so nothing changes; the
 * process keeps its own listener as well, for completions that do not come over HTTP.
 */
public interface CompletionCheck {

    /**
     * @param taskId    the task being completed, through {@code /complete} or {@code /submit-form}
     * @param variables the request's {@code variables} object, as the engine's REST API takes it
     * @return why the completion is refused, for the person who sent it; empty to let it through
     */
    Optional<String> refusal(String taskId, JsonNode variables);
}
