package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tasklist's start form for a vendor escalation: the platform starts it, or the form shows why not. */
@Deployment(resources = {"bpmn/escalate-to-vendor.bpmn", "forms/escalate-to-vendor.form", "bpmn/vendor-escalation.bpmn",
        "bpmn/vendor-parked-message.bpmn"})
class EscalateToVendorProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private final EscalationStart start = new EscalationStart();

    /** Stands in for the platform's {@code vendorEscalationStart}: knows incident INC-2026-0001 and vendor storeco. */
    public static class EscalationStart implements JavaDelegate {
        final List<String> started = new ArrayList<>();

        @Override
        public void execute(DelegateExecution execution) {
            String incident = (String) execution.getVariable("incidentKey");
            String vendor = (String) execution.getVariable("vendor");
            if (!"storeco".equals(vendor)) {
                throw new FormFieldValidationException("vendor", "no vendor " + vendor + " in the registry");
            }
            started.add(incident + " " + vendor + " " + execution.getVariable("vendorText"));
        }
    }

    @BeforeEach
    void register() {
        Mocks.register("vendorEscalationStart", start);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theStartFormStartsTheEscalationAndEnds() {
        ProcessInstance instance = engine.getFormService().submitStartForm(definition().getId(), Map.of(
                "incidentKey", "INC-2026-0001", "vendor", "storeco", "vendorText", "Array A1 is offline"));

        assertThat(instance).isEnded().hasPassed("StartEscalation");
        Assertions.assertThat(start.started).containsExactly("INC-2026-0001 storeco Array A1 is offline");
    }

    @Test
    void aRefusedEscalationFailsTheFormAndLeavesNothingBehind() {
        assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition().getId(),
                Map.of("incidentKey", "INC-2026-0001", "vendor", "nobody")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("no vendor nobody");

        Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .variableValueEquals("vendor", "nobody").count()).as("rolled back with the form").isZero();
        Assertions.assertThat(start.started).isEmpty();
    }

    @Test
    void itIsTheOnlyVendorProcessTasklistOffersToStart() {
        // vendor-escalation needs what the platform works out (SLA, duty manager); started bare it would fail
        Assertions.assertThat(engine.getRepositoryService().createProcessDefinitionQuery().startableInTasklist().list())
                .extracting(ProcessDefinition::getKey).containsExactly("escalate-to-vendor");
    }

    private ProcessDefinition definition() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("escalate-to-vendor")
                .singleResult();
    }
}
