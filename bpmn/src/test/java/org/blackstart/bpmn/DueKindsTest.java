package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * The waiting tasks whose delay hurts name their due-time kind ({@code blackstart.due}); the platform
 * dates them by kind and severity, and raises them to the commander when they are overdue.
 */
class DueKindsTest {

    @Test
    void eachWaitingTaskThatHurtsWhenLateNamesItsKind() {
        Map<String, String> expected = Map.of(
                "major-incident.bpmn/Triage", "triage",
                "customer-notice.bpmn/ReviewNotice", "notice-review",
                "customer-notice.bpmn/ApproveNotice", "notice-approval",
                "vendor-escalation.bpmn/AnswerVendorRequest", "vendor-request",
                "customer-call.bpmn/CallCustomer", "call",
                "on-site.bpmn/CheckIn", "on-site");

        expected.forEach((task, kind) -> assertThat(kindOf(task)).as(task).contains(kind));
    }

    @Test
    void theOverdueTaskItselfNamesNoKindSoItIsNeverRaisedAgain() {
        assertThat(kindOf("overdue-task.bpmn/HandleOverdue")).isEmpty();
    }

    static Optional<String> kindOf(String fileAndTask) {
        String[] parts = fileAndTask.split("/");
        BpmnModelInstance model = model(parts[0]);
        UserTask task = model.getModelElementById(parts[1]);
        assertThat(task).as(fileAndTask + " is a user task").isNotNull();
        if (task.getExtensionElements() == null) {
            return Optional.empty();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> "blackstart.due".equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst();
    }

    private static BpmnModelInstance model(String file) {
        InputStream xml = DueKindsTest.class.getClassLoader().getResourceAsStream("bpmn/" + file);
        assertThat(xml).as(file).isNotNull();
        return Bpmn.readModelFromStream(xml);
    }
}
