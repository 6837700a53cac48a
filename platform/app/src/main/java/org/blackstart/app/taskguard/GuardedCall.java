package org.blackstart.app.taskguard;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST call that sets process variables through a task or a start: what it targets, read from its
 * path under {@code /engine-rest} (optionally {@code /engine/{name}}) or under the webapps' mount
 * {@code /camunda/api/engine/engine/{name}}, which Tasklist submits its forms to.
 *
 * @param variableName the one variable a {@code PUT/DELETE .../variables/{name}} call writes, else null
 * @param isThrow      a BPMN error or escalation thrown from a task
 */
record GuardedCall(String engine, String taskId, String definitionId, String definitionKey, String tenantId,
                   boolean isVariableWrite, String variableName, boolean isThrow) {

    private static final String PREFIX = "^(?:/engine-rest(?:/engine/(?<restEngine>[^/]+))?|/camunda/api/engine/engine/(?<webappEngine>[^/]+))";
    private static final Pattern TASK_ACTION = Pattern.compile(PREFIX + "/task/(?<task>[^/]+)/(?<action>complete|submit-form|resolve|bpmnError|bpmnEscalation)$");
    private static final Pattern TASK_VARIABLES = Pattern.compile(PREFIX + "/task/(?<task>[^/]+)/(?:variables|localVariables)$");
    private static final Pattern TASK_VARIABLE = Pattern.compile(
            PREFIX + "/task/(?<task>[^/]+)/(?:variables|localVariables)/(?<name>[^/]+)(?:/data)?$");
    private static final Pattern START_BY_KEY = Pattern.compile(
            PREFIX + "/process-definition/key/(?<key>[^/]+)(?:/tenant-id/(?<tenant>[^/]+))?/(?:start|submit-form)$");
    private static final Pattern START_BY_ID = Pattern.compile(PREFIX + "/process-definition/(?<id>[^/]+)/(?:start|submit-form)$");

    boolean isStart() {
        return taskId == null;
    }

    static Optional<GuardedCall> of(String method, String path) {
        if ("POST".equals(method)) {
            Matcher m = TASK_ACTION.matcher(path);
            if (m.matches()) {
                return Optional.of(new GuardedCall(engine(m), m.group("task"), null, null, null, false, null,
                        m.group("action").startsWith("bpmn")));
            }
            m = TASK_VARIABLES.matcher(path);
            if (m.matches()) {
                return Optional.of(new GuardedCall(engine(m), m.group("task"), null, null, null, true, null, false));
            }
            m = START_BY_KEY.matcher(path);
            if (m.matches()) {
                return Optional.of(new GuardedCall(engine(m), null, null, m.group("key"), m.group("tenant"), false, null, false));
            }
            m = START_BY_ID.matcher(path);
            if (m.matches() && !"key".equals(m.group("id"))) {
                return Optional.of(new GuardedCall(engine(m), null, m.group("id"), null, null, false, null, false));
            }
        }
        if ("POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method)) {
            Matcher m = TASK_VARIABLE.matcher(path);
            if (m.matches()) {
                return Optional.of(new GuardedCall(engine(m), m.group("task"), null, null, null, true, m.group("name"), false));
            }
        }
        return Optional.empty();
    }

    private static String engine(Matcher m) {
        return m.group("restEngine") != null ? m.group("restEngine") : m.group("webappEngine");
    }
}
