package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runbook steps are Tasklist tasks a person must do soon: each has its own form (what to do, the result, a note), is due as a
 * {@code runbook-step}, says on the timeline what it found, and decides nothing in advance.
 */
class RunbookFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"bpmn/runbooks/mail-database-restore.bpmn", "bpmn/runbooks/datacenter-power-recovery.bpmn",
            "bpmn/runbooks/four-eyes.bpmn"})
    void everyStepHasItsFormADueTimeAndATimelineLine(String process) throws IOException {
        for (UserTask task : read(process).getModelElementsByType(UserTask.class)) {
            Map<String, String> properties = properties(task);
            assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", task.getId()).isEqualTo("latest");
            JsonNode form = form(task.getCamundaFormRef());
            assertThat(form.path("id").asText()).isEqualTo(task.getCamundaFormRef());
            assertThat(form.path("components").get(0).path("type").asText()).as("%s says what to do first", task.getId())
                    .isEqualTo("text");
            assertThat(properties).as("properties of %s", task.getId())
                    .containsEntry("blackstart.due", "runbook-step")
                    .containsEntry("blackstart.timeline.kind", "RUNBOOK")
                    .containsKey("blackstart.timeline");
            for (JsonNode field : form.path("components")) {
                assertThat(field.has("defaultValue")).as("%s of %s is not decided in advance", field.path("key"), task.getId())
                        .isFalse();
                if (field.path("validate").path("required").asBoolean(false)) {
                    assertThat(field.path("properties").path("blackstart.decision").asText())
                            .as("%s of %s is checked for any caller, not only in the browser", field.path("key"), task.getId())
                            .isEqualTo("required");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bpmn/runbooks/mail-database-restore.bpmn", "bpmn/runbooks/datacenter-power-recovery.bpmn"})
    void shippedRunbooksAreMarkedAsRunbooksWithADescription(String process) throws IOException {
        Process runbook = read(process).getModelElementsByType(Process.class).iterator().next();

        assertThat(properties(runbook)).containsEntry("blackstart.runbook", "true");
        assertThat(runbook.getName()).isNotBlank();
        assertThat(runbook.getDocumentations()).isNotEmpty();
        assertThat(runbook.isCamundaStartableInTasklist()).as("started from the incident, not from Tasklist").isFalse();
    }

    @Test
    void theDryRunIsAFourEyesStepAndTheApprovalAsksForAReason() throws IOException {
        UserTask dryRun = read("bpmn/runbooks/mail-database-restore.bpmn").getModelElementById("DryRun");
        JsonNode approval = form("four-eyes-approval");

        assertThat(properties(dryRun)).containsEntry("blackstart.fourEyes", "true");
        assertThat(values(approval, "fourEyesVerdict")).isEqualTo("approve,refuse");
        assertThat(field(approval, "fourEyesReason")).isNotNull();
        assertThat(field(approval, "fourEyesSummary").path("disabled").asBoolean()).as("the diff is shown, not edited").isTrue();
    }

    private static String values(JsonNode form, String key) {
        StringBuilder values = new StringBuilder();
        field(form, key).path("values").forEach(v -> values.append(values.isEmpty() ? "" : ",").append(v.path("value").asText()));
        return values.toString();
    }

    private static JsonNode field(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        return null;
    }

    private static Map<String, String> properties(BaseElement element) {
        Map<String, String> properties = new HashMap<>();
        if (element.getExtensionElements() != null) {
            element.getExtensionElements().getElementsQuery().filterByType(
                            org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list()
                    .forEach(p -> p.getCamundaProperties().forEach((CamundaProperty cp) ->
                            properties.put(cp.getCamundaName(), cp.getCamundaValue())));
        }
        return properties;
    }

    private static BpmnModelInstance read(String process) throws IOException {
        try (InputStream in = RunbookFormsTest.class.getClassLoader().getResourceAsStream(process)) {
            assertThat(in).as(process).isNotNull();
            return Bpmn.readModelFromStream(in);
        }
    }

    private static JsonNode form(String id) throws IOException {
        try (InputStream in = RunbookFormsTest.class.getClassLoader().getResourceAsStream("forms/" + id + ".form")) {
            assertThat(in).as("form %s", id).isNotNull();
            return JSON.readTree(in);
        }
    }
}
