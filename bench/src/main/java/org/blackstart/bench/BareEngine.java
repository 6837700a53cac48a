package org.blackstart.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline: a bare Camunda engine in this JVM, set up like the platform's where it matters
 * for the cost of a start (H2 file with WRITE_DELAY=0 so every commit reaches the file, history
 * full, no job executor), running a process with a single user task. It has none of the
 * platform's layers: no HTTP, JSON, Spring Security, authorization checks, incident key or timeline.
 */
final class BareEngine implements AutoCloseable {

    static final String PROCESS_KEY = "one-task";
    static final String TASK_ID = "Task";

    private final ProcessEngine engine;
    private final SideCounters counters = new SideCounters();

    private BareEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    static BareEngine start(Path directory) {
        ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:file:" + directory.resolve("engine").toAbsolutePath() + ";WRITE_DELAY=0")
                .setJdbcUsername("sa")
                .setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setProcessEngineName("bench-baseline");
        ProcessEngine engine = configuration.buildProcessEngine();
        // historyTimeToLive is set, so the engine's enforcement of it (on by default, as in the platform) is satisfied.
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(TASK_ID)
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
        return new BareEngine(engine);
    }

    /**
     * Starts one instance and returns once a task query by business key sees its user task: the
     * same observable as the platform's "declared, and the first task is in Tasklist".
     */
    void declareAndAwaitTask(String businessKey, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, businessKey);
        counters.recordStart(System.nanoTime() - start);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
            if (task != null && TASK_ID.equals(task.getTaskDefinitionKey())) {
                return;
            }
            counters.emptyPoll();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no task for " + businessKey + " within " + timeout);
            }
            Thread.sleep(1);
        }
    }

    SideCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        engine.close();
    }
}
