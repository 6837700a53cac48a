package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/vendor-parked-message.bpmn", "forms/file-vendor-message.form"})
class VendorParkedMessageProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private final ParkedMessages parked = new ParkedMessages();

    /** Stands in for the platform's {@code vendorParkedMessages}: knows case CS-12 only. */
    public static class ParkedMessages {
        final List<String> resolved = new ArrayList<>();

        public void resolve(DelegateExecution execution) {
            Object caseNumber = execution.getVariable("fileUnderCase");
            if (caseNumber != null && !"CS-12".equals(caseNumber)) {
                throw new ProcessEngineException("no servicenow case " + caseNumber + " is known");
            }
            resolved.add(caseNumber != null ? "filed " + caseNumber : "dismissed " + execution.getVariable("dismissReason"));
        }
    }

    @BeforeEach
    void register() {
        Mocks.register("vendorParkedMessages", parked);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance park(String caseNumber) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("vendorMessageId", 7L);
        variables.put("vendorSystem", "servicenow");
        variables.put("caseNumber", caseNumber);
        variables.put("vendorMessageParkedReason", caseNumber == null ? "the message names no case number"
                : "no servicenow case " + caseNumber + " was opened here");
        variables.put("vendorMessageSubject", "Re: storage array");
        variables.put("vendorMessageText", "Please send the controller logs");
        return runtimeService().startProcessInstanceByKey("vendor-parked-message", "VENDOR-MSG-7", variables);
    }

    @Test
    void aCommanderFilesTheMessageUnderItsCase() {
        ProcessInstance message = park("CS-99");

        assertThat(message).isWaitingAt("FileVendorMessage");
        assertThat(task(message)).hasCandidateGroup("incident-commanders")
                .hasName("File a parked servicenow message: no servicenow case CS-99 was opened here");
        complete(task(message), Map.of("fileUnderCase", "CS-12"));

        assertThat(message).isEnded().hasPassed("ResolveMessage", "MessageResolved");
        org.assertj.core.api.Assertions.assertThat(parked.resolved).containsExactly("filed CS-12");
    }

    @Test
    void anUnknownCaseKeepsTheTaskOpen() {
        ProcessInstance message = park(null);
        assertThat(task(message)).hasName("File a parked servicenow message: the message names no case number");
        String taskId = task(message).getId();

        assertThatThrownBy(() -> taskService().complete(taskId, Map.of("fileUnderCase", "CS-404")))
                .hasMessageContaining("no servicenow case CS-404 is known");

        assertThat(message).isWaitingAt("FileVendorMessage");
        org.assertj.core.api.Assertions.assertThat(parked.resolved).isEmpty();
    }

    @Test
    void aCommanderDismissesTheMessage() {
        ProcessInstance message = park(null);

        complete(task(message), Map.of("dismissReason", "Newsletter, not about a case"));

        assertThat(message).isEnded().hasPassed("MessageResolved");
        org.assertj.core.api.Assertions.assertThat(parked.resolved).containsExactly("dismissed Newsletter, not about a case");
    }

    @Test
    void filedThroughTheApiTheTaskGoesAway() {
        ProcessInstance message = park("CS-99");

        runtimeService().createMessageCorrelation("VendorMessageResolved").processInstanceBusinessKey("VENDOR-MSG-7")
                .correlateAll();

        assertThat(message).isEnded().hasPassed("ResolvedElsewhere").hasNotPassed("ResolveMessage");
        org.assertj.core.api.Assertions.assertThat(parked.resolved).isEmpty();
    }
}
