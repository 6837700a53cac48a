package org.blackstart.app.tasks;

import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Puts a comment on an incident's task (Tasklist's <em>Add Comment</em>, or
 * {@code POST /engine-rest/task/{id}/comment/create}) on the incident's timeline. It runs inside the
 * engine's command, after the comment is written and before the command commits, so the timeline has the
 * comment exactly when the engine does. Camunda writes no operation log entry for a comment, so the
 * command itself is what tells.
 */
final class CommentTimeline extends CommandInterceptor {

    /** Longer comments are cut on the timeline; the task keeps the whole text. */
    static final int MAX_DETAIL = 1000;

    private final IncidentRepository incidents;
    private final Timeline timeline;

    CommentTimeline(IncidentRepository incidents, Timeline timeline) {
        this.incidents = incidents;
        this.timeline = timeline;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (command instanceof AddCommentCmd && result instanceof CommentEntity comment && comment.getTaskId() != null) {
            record(comment);
        }
        return result;
    }

    private void record(CommentEntity comment) {
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(comment.getTaskId());
        ExecutionEntity execution = task == null ? null : task.getExecution();
        String key = execution == null ? null : execution.getProcessBusinessKey();
        if (key == null || incidents.find(key).isEmpty()) {
            return;
        }
        String stepName = task.getName() == null ? null : task.getName().replace(" " + key, "");
        String actor = comment.getUserId() == null ? "system" : comment.getUserId();
        timeline.record(key, TimelineKind.COMMENT, task.getTaskDefinitionKey(), stepName, actor, cap(comment.getFullMessage()));
    }

    static String cap(String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
    }
}
