package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cockpit draws a process, and shows where an instance stands, only from the diagram information in
 * its file. A process shipped without it, or with a step added but not drawn, shows operators nothing.
 */
class DiagramTest {

    /** Waypoints are whole numbers placed on a shape's border; allow for rounding. */
    private static final double TOLERANCE = 1.0;

    static Stream<String> shippedProcesses() throws IOException, URISyntaxException {
        URL folder = DiagramTest.class.getClassLoader().getResource("bpmn");
        Path root = Path.of(folder.toURI());
        // runbooks live in bpmn/runbooks/
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> "bpmn/" + root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @Test
    void everyProcessWeShipIsChecked() throws IOException, URISyntaxException {
        assertThat(shippedProcesses().toList())
                .contains("bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn", "bpmn/paging.bpmn",
                        "bpmn/runbooks/mail-database-restore.bpmn", "bpmn/runbooks/datacenter-power-recovery.bpmn");
    }

    @ParameterizedTest
    @MethodSource("shippedProcesses")
    void everyStepIsDrawn(String process) throws IOException {
        BpmnModelInstance model = read(process);
        Map<String, BpmnShape> shapes = shapes(model);

        List<String> undrawn = ids(model.getModelElementsByType(FlowNode.class)).stream()
                .filter(id -> !shapes.containsKey(id)).toList();

        assertThat(undrawn).as("flow nodes of %s without a BPMNShape", process).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("shippedProcesses")
    void everySequenceFlowIsDrawnFromItsSourceToItsTarget(String process) throws IOException {
        BpmnModelInstance model = read(process);
        Map<String, BpmnShape> shapes = shapes(model);
        Map<String, BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null)
                .collect(Collectors.toMap(e -> e.getBpmnElement().getId(), Function.identity()));

        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            BpmnEdge edge = edges.get(flow.getId());
            assertThat(edge).as("BPMNEdge of sequence flow %s in %s", flow.getId(), process).isNotNull();
            List<Waypoint> waypoints = List.copyOf(edge.getWaypoints());
            assertThat(waypoints).as("waypoints of %s in %s", flow.getId(), process).hasSizeGreaterThanOrEqualTo(2);

            Waypoint first = waypoints.get(0);
            Waypoint last = waypoints.get(waypoints.size() - 1);
            assertThat(onOrIn(first, bounds(shapes, flow.getSource(), process)))
                    .as("%s in %s starts at its source %s", flow.getId(), process, flow.getSource().getId()).isTrue();
            assertThat(onOrIn(last, bounds(shapes, flow.getTarget(), process)))
                    .as("%s in %s ends at its target %s", flow.getId(), process, flow.getTarget().getId()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedProcesses")
    void boundaryEventsSitOnTheirHostsBorder(String process) throws IOException {
        BpmnModelInstance model = read(process);
        Map<String, BpmnShape> shapes = shapes(model);

        for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
            Bounds own = bounds(shapes, event, process);
            Bounds host = bounds(shapes, event.getAttachedTo(), process);

            assertThat(overlaps(own, host) && !inside(own, host))
                    .as("boundary event %s in %s touches the border of %s", event.getId(), process,
                            event.getAttachedTo().getId())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedProcesses")
    void subProcessesAreExpandedAroundTheirSteps(String process) throws IOException {
        BpmnModelInstance model = read(process);
        Map<String, BpmnShape> shapes = shapes(model);

        for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
            BpmnShape shape = shapes.get(subProcess.getId());
            assertThat(shape).as("shape of sub-process %s in %s", subProcess.getId(), process).isNotNull();
            assertThat(shape.isExpanded()).as("sub-process %s in %s is drawn expanded", subProcess.getId(), process).isTrue();
            for (FlowNode child : subProcess.getChildElementsByType(FlowNode.class)) {
                Bounds own = bounds(shapes, child, process);
                // A boundary event of a step inside still lies within; one of the sub-process itself is its parent's.
                assertThat(inside(own, shape.getBounds()))
                        .as("%s is drawn inside its sub-process %s in %s", child.getId(), subProcess.getId(), process)
                        .isTrue();
            }
        }
    }

    private static BpmnModelInstance read(String process) throws IOException {
        try (InputStream in = DiagramTest.class.getClassLoader().getResourceAsStream(process)) {
            assertThat(in).as(process).isNotNull();
            return Bpmn.readModelFromStream(in);
        }
    }

    private static Map<String, BpmnShape> shapes(BpmnModelInstance model) {
        return model.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null)
                .collect(Collectors.toMap(s -> s.getBpmnElement().getId(), Function.identity()));
    }

    private static Bounds bounds(Map<String, BpmnShape> shapes, FlowNode node, String process) {
        BpmnShape shape = shapes.get(node.getId());
        assertThat(shape).as("shape of %s in %s", node.getId(), process).isNotNull();
        return shape.getBounds();
    }

    private static List<String> ids(Collection<? extends ModelElementInstance> elements) {
        return elements.stream().map(e -> e.getAttributeValue("id")).toList();
    }

    private static boolean onOrIn(Waypoint point, Bounds bounds) {
        return point.getX() >= bounds.getX() - TOLERANCE && point.getX() <= bounds.getX() + bounds.getWidth() + TOLERANCE
                && point.getY() >= bounds.getY() - TOLERANCE && point.getY() <= bounds.getY() + bounds.getHeight() + TOLERANCE;
    }

    private static boolean overlaps(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static boolean inside(Bounds a, Bounds b) {
        return a.getX() >= b.getX() && a.getY() >= b.getY()
                && a.getX() + a.getWidth() <= b.getX() + b.getWidth() && a.getY() + a.getHeight() <= b.getY() + b.getHeight();
    }
}
