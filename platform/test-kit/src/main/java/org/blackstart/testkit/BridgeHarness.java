package org.blackstart.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.blackstart.bridge.BlackstartComponent;
import org.blackstart.bridge.BridgeSettings;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A real Camunda engine on in-memory H2 with the real {@code blackstart:} component in a Camel
 * context: plugin routes run exactly as the platform runs them. Polls fast and, by default, opens
 * an incident at the first failure, so tests see outcomes at once.
 */
public class BridgeHarness implements AutoCloseable {

    public static final String WORKER_ID = "test-kit";

    private final ProcessEngine engine;
    private final CamelContext camel;
    private final BlackstartComponent component;

    public BridgeHarness() {
        this(new BridgeSettings(WORKER_ID, Duration.ofSeconds(30), Duration.ofMillis(20), 10, 0, List.of(Duration.ZERO)));
    }

    public BridgeHarness(BridgeSettings settings) {
        this.engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("test-kit-" + UUID.randomUUID())
                .setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .buildProcessEngine();
        this.camel = new DefaultCamelContext();
        this.component = new BlackstartComponent(engine, settings);
        camel.addComponent("blackstart", component);
    }

    /** Adds plugin routes and starts Camel. */
    public BridgeHarness start(RoutesBuilder... routes) {
        try {
            for (RoutesBuilder builder : routes) {
                camel.addRoutes(builder);
            }
            camel.start();
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the plugin routes", e);
        }
    }

    public ProcessEngine engine() {
        return engine;
    }

    public CamelContext camel() {
        return camel;
    }

    public BlackstartComponent component() {
        return component;
    }

    /**
     * Deploys a process that does nothing but one external task of {@code topic}, ending at
     * {@code Done} or, on a BPMN error, at {@code Failed} with the code in {@code bpmnErrorCode}.
     *
     * @return the process key
     */
    public String deployTaskProcess(String topic) {
        String key = "task-" + topic.replaceAll("[^A-Za-z0-9]", "-");
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .startEvent()
                .serviceTask("Serve").camundaExternalTask(topic)
                .boundaryEvent("BusinessError").errorEventDefinition().errorCodeVariable("bpmnErrorCode")
                .errorEventDefinitionDone()
                .endEvent("Failed")
                .moveToActivity("Serve")
                .endEvent("Done")
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        return key;
    }

    /** Starts the task process of {@code topic} and waits until it ends or an incident opens. */
    public TaskRun run(String topic, String incidentKey, Map<String, Object> variables) {
        String processKey = deployedKeyOf(topic);
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(processKey, incidentKey, new HashMap<>(variables));
        return awaitOutcome(instance.getId());
    }

    /** What an operator does in Cockpit: gives the failed task of {@code incident} one more retry. */
    public TaskRun retryFromCockpit(String processInstanceId) {
        engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(processInstanceId).list()
                .forEach(task -> engine.getExternalTaskService().setRetries(task.getId(), 1));
        return awaitOutcome(processInstanceId);
    }

    /** The process instance of the most recent run. */
    public String lastProcessInstanceId() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().orderByProcessInstanceStartTime().desc()
                .listPage(0, 1).get(0).getId();
    }

    private TaskRun awaitOutcome(String processInstanceId) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> outcomeOf(processInstanceId), run -> run != null);
    }

    private TaskRun outcomeOf(String processInstanceId) {
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (incident != null) {
            return new TaskRun(TaskRun.Outcome.INCIDENT, variables(processInstanceId), null, incident.getIncidentMessage());
        }
        HistoricProcessInstance historic = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (historic == null || historic.getEndTime() == null) {
            return null;
        }
        Map<String, Object> variables = variables(processInstanceId);
        if ("Failed".equals(historic.getEndActivityId())) {
            return new TaskRun(TaskRun.Outcome.BUSINESS_ERROR, variables, (String) variables.get("bpmnErrorCode"), null);
        }
        return new TaskRun(TaskRun.Outcome.COMPLETED, variables, null, null);
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            if (v.getValue() != null) {
                variables.put(v.getName(), v.getValue());
            }
        }
        return variables;
    }

    private String deployedKeyOf(String topic) {
        String key = "task-" + topic.replaceAll("[^A-Za-z0-9]", "-");
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            deployTaskProcess(topic);
        }
        return key;
    }

    @Override
    public void close() {
        try {
            camel.stop();
        } finally {
            engine.close();
        }
    }
}
