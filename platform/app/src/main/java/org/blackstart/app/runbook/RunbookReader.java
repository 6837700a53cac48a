package org.blackstart.app.runbook;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * An incident's runbook runs, for its API and pages: the runs and their evidence from Blackstart's tables, and for a run
 * still going, its open steps from the engine (its own tasks and those of the processes it called, such as four-eyes).
 */
@Component
public class RunbookReader {

    private final RunbookRuns runs;
    private final StepEvidence evidence;
    private final TaskService tasks;
    private final RuntimeService runtime;

    RunbookReader(RunbookRuns runs, StepEvidence evidence, TaskService tasks, RuntimeService runtime) {
        this.runs = runs;
        this.evidence = evidence;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    public List<RunbookView> ofIncident(String incidentKey) {
        return runs.ofIncident(incidentKey).stream().map(this::view).toList();
    }

    RunbookView view(RunbookRuns.Run run) {
        List<RunbookView.Step> steps = RunbookRuns.RUNNING.equals(run.outcome()) ? openSteps(run.processInstanceId()) : List.of();
        List<RunbookView.Evidence> files = evidence.ofRun(run.processInstanceId()).stream().map(RunbookReader::evidence).toList();
        return new RunbookView(run.processInstanceId(), run.runbook(), run.name(), run.version(), run.startedBy(),
                run.startedAt(), run.outcome(), run.endedAt(), steps, files);
    }

    static RunbookView.Evidence evidence(StepEvidence.FileInfo file) {
        return new RunbookView.Evidence(file.id(), file.taskId(), file.step(), file.name(), file.contentType(), file.size(),
                file.addedBy(), file.addedAt(), "/api/runbook-evidence/" + file.id());
    }

    private List<RunbookView.Step> openSteps(String processInstanceId) {
        List<String> instances = new ArrayList<>();
        instances.add(processInstanceId);
        for (int i = 0; i < instances.size(); i++) {
            runtime.createProcessInstanceQuery().superProcessInstanceId(instances.get(i)).list().stream()
                    .map(ProcessInstance::getId).forEach(instances::add);
        }
        return tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).orderByTaskCreateTime().asc()
                .list().stream().map(RunbookReader::step).toList();
    }

    private static RunbookView.Step step(Task task) {
        return new RunbookView.Step(task.getId(), task.getName(), task.getAssignee(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
    }
}
