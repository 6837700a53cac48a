package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine stores a step's name as written in the file, expressions unevaluated, in a 255-character
 * history column: a longer name fails the step at run time (on H2 and PostgreSQL alike), not at deployment.
 */
class StepNamesTest {

    static Stream<String> shippedProcesses() throws IOException, URISyntaxException {
        return DiagramTest.shippedProcesses();
    }

    @ParameterizedTest
    @MethodSource("shippedProcesses")
    void everyStepNameFitsTheEnginesHistory(String process) throws IOException {
        BpmnModelInstance model;
        try (InputStream in = StepNamesTest.class.getClassLoader().getResourceAsStream(process)) {
            model = Bpmn.readModelFromStream(in);
        }

        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName() == null ? 0 : node.getName().length())
                    .as("length of the name of %s in %s", node.getId(), process).isLessThanOrEqualTo(255);
        }
    }
}
