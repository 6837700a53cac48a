package org.blackstart.app.runbook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The runbooks deployed: the latest active version of every process marked {@code blackstart.runbook = true}. Reading
 * a definition's BPMN to see whether it is marked happens once per definition (a deployed definition never changes);
 * the list is built again only when a deployment was added or removed since, which two small queries tell, so a
 * runbook deployed at run time from Camunda Modeler is listed at the next request, on every node.
 */
@Component
class RunbookCatalog {

    /** A runbook as commanders choose it. */
    record Runbook(String key, String name, String description, int version, String definitionId) {
    }

    private record Listed(String newestDeployment, long deployments, List<Runbook> runbooks) {
    }

    private final RepositoryService repository;
    private final Map<String, Optional<Runbook>> byDefinition = new ConcurrentHashMap<>();
    private volatile Listed listed = new Listed(null, -1, List.of());

    RunbookCatalog(RepositoryService repository) {
        this.repository = repository;
    }

    List<Runbook> list() {
        List<Deployment> newest = repository.createDeploymentQuery().orderByDeploymentTime().desc().orderByDeploymentId()
                .desc().listPage(0, 1);
        String newestId = newest.isEmpty() ? null : newest.get(0).getId();
        long count = repository.createDeploymentQuery().count();
        Listed current = listed;
        if (count == current.deployments() && java.util.Objects.equals(newestId, current.newestDeployment())) {
            return current.runbooks();
        }
        List<Runbook> runbooks = repository.createProcessDefinitionQuery().latestVersion().active().list().stream()
                .map(definition -> byDefinition.computeIfAbsent(definition.getId(), id -> read(definition)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Runbook::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Runbook::key))
                .toList();
        listed = new Listed(newestId, count, runbooks);
        return runbooks;
    }

    Optional<Runbook> find(String key) {
        return list().stream().filter(runbook -> runbook.key().equals(key)).findFirst();
    }

    private Optional<Runbook> read(ProcessDefinition definition) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        if (model == null || !(model.getModelElementById(definition.getKey()) instanceof Process process)
                || !"true".equals(property(process, RunbookParseListener.RUNBOOK))) {
            return Optional.empty();
        }
        String description = process.getDocumentations().stream().map(Documentation::getTextContent)
                .filter(text -> text != null && !text.isBlank()).map(String::strip).findFirst().orElse(null);
        String name = definition.getName() == null || definition.getName().isBlank() ? definition.getKey() : definition.getName();
        return Optional.of(new Runbook(definition.getKey(), name, description, definition.getVersion(), definition.getId()));
    }

    private static String property(Process process, String name) {
        if (process.getExtensionElements() == null) {
            return null;
        }
        for (CamundaProperties properties : process.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).list()) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (name.equals(property.getCamundaName())) {
                    return property.getCamundaValue();
                }
            }
        }
        return null;
    }
}
