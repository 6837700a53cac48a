package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/vendor-escalation.bpmn")
class VendorEscalationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private FakeVendorServices vendors;

    @BeforeEach
    void fakes() {
        vendors = FakeVendorServices.register();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** An escalation of the incident to StoreCo, as the platform's vendorEscalationStart starts it. */
    private ProcessInstance escalate(String key, String dutyManagerPhone) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentKey", key);
        variables.put("title", "Storage array offline");
        variables.put("severity", "SEV1");
        variables.put("vendor", "storeco");
        variables.put("vendorName", "StoreCo");
        variables.put("vendorKind", "storage");
        variables.put("vendorSystem", "email");
        variables.put("vendorAccount", "storeco");
        variables.put("vendorPriority", 1);
        variables.put("vendorSubject", key + ": Storage array offline");
        variables.put("vendorText", "Controller B of array A3 dropped offline at 00:12.");
        variables.put("ackSla", "PT30M");
        variables.put("dutyManagerName", "Dana Duty");
        variables.put("dutyManagerPhone", dutyManagerPhone);
        variables.put("escalatedBy", "carol");
        return runtimeService().startProcessInstanceByKey("vendor-escalation", key, variables);
    }

    /** The one open external task of the incident on the topic, locked as a plugin's worker would. */
    private LockedExternalTask fetch(String key, String topic) {
        List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(10, "test")
                .topic(topic, 60_000).businessKey(key).execute();
        assertThat(locked).as("open %s tasks of %s", topic, key).hasSize(1);
        return locked.get(0);
    }

    private List<LockedExternalTask> fetchAll(String key, String topic) {
        return engine.getExternalTaskService().fetchAndLock(10, "test").topic(topic, 60_000).businessKey(key).execute();
    }

    private void completeTask(LockedExternalTask task, Map<String, Object> variables) {
        engine.getExternalTaskService().complete(task.getId(), "test", variables);
    }

    private ProcessInstance opened(String key, String caseNumber, String dutyManagerPhone) {
        ProcessInstance escalation = escalate(key, dutyManagerPhone);
        LockedExternalTask open = fetch(key, "vendor.case.open");
        assertThat(open.getVariables()).containsEntry("vendorCaseStep", "open").containsEntry("vendorSystem", "email")
                .containsEntry("vendorPriority", 1);
        completeTask(open, Map.of("vendorCaseNumber", caseNumber, "vendorCaseId", "id-" + caseNumber,
                "vendorCaseUrl", "https://support.storeco.example/cases/" + caseNumber));
        return escalation;
    }

    /** A vendor message as the platform delivers it: by incident and case number, its variables local. */
    private int vendorSays(String message, String key, String caseNumber, long messageId, String text) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("vendorMessageId", messageId);
        variables.put("vendorMessageKind", message.substring("Vendor".length()).toUpperCase());
        variables.put("vendorMessageAuthor", "Sam Support");
        variables.put("vendorMessageSubject", "Re: " + key);
        variables.put("vendorMessageText", text);
        variables.put("vendorMessageFiles", "");
        List<MessageCorrelationResult> results = runtimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(key).processInstanceVariableEquals("vendorCaseNumber", caseNumber)
                .setVariablesLocal(variables).correlateAllWithResult();
        return results.size();
    }

    private void acknowledged(String key, String caseNumber) {
        assertThat(runtimeService().createMessageCorrelation("VendorAcknowledged").processInstanceBusinessKey(key)
                .processInstanceVariableEquals("vendorCaseNumber", caseNumber).correlateAllWithResult()).hasSize(1);
    }

    private void incidentClosed(String key) {
        runtimeService().createMessageCorrelation("IncidentClosed").processInstanceBusinessKey(key).correlateAllWithResult();
    }

    private List<Task> tasks(ProcessInstance escalation, String activity) {
        return engine.getTaskService().createTaskQuery().processInstanceId(escalation.getId())
                .taskDefinitionKey(activity).list();
    }

    @Test
    void aCaseAcknowledgedInTimeIsWorkedWithoutEscalation() {
        ProcessInstance escalation = opened("INC-2026-0001", "CS0001", "+31201110000");

        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitAck");
        assertThat(vendors.lines).containsExactly("opened storeco CS0001");

        acknowledged("INC-2026-0001", "CS0001");

        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitClose").hasNotPassed("SlaBreached");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(escalation.getId()).count())
                .as("no SLA timer left once acknowledged").isZero();
        assertThat(vendors.lines).containsExactly("opened storeco CS0001");
    }
}
