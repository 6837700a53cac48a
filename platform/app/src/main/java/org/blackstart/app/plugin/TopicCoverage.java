package org.blackstart.app.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.blackstart.spi.BlackstartPlugin;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which external-task topics the deployed processes ask for and nobody serves. A process that asks
 * for an unserved topic waits there forever, so the platform says so at start-up and in
 * {@code GET /api/plugins}.
 */
@Component
public class TopicCoverage {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCoverage.class);
    private static final String TASK_PREFIX = "blackstart://task:";

    private final RepositoryService repository;
    private final CamelContext camel;
    private final List<BlackstartPlugin> plugins;

    public TopicCoverage(RepositoryService repository, CamelContext camel, List<BlackstartPlugin> plugins) {
        this.repository = repository;
        this.camel = camel;
        this.plugins = plugins;
    }

    public record UnservedTopic(String topic, Set<String> processes) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportAtStartUp() {
        List<UnservedTopic> unserved = unserved();
        for (UnservedTopic topic : unserved) {
            LOG.warn("BLACKSTART-APP-010 topic '{}' is used by {} but no plugin serves it: those processes will wait "
                    + "there until a plugin that serves it is installed", topic.topic(), topic.processes());
        }
        if (unserved.isEmpty()) {
            LOG.info("BLACKSTART-APP-011 every topic of the deployed processes is served: {}", served());
        }
    }

    public List<UnservedTopic> unserved() {
        Set<String> served = served();
        Map<String, Set<String>> wanted = wanted();
        List<UnservedTopic> result = new ArrayList<>();
        wanted.forEach((topic, processes) -> {
            if (!served.contains(topic)) {
                result.add(new UnservedTopic(topic, processes));
            }
        });
        return result;
    }

    /** Topics with a consuming route, or claimed by a plugin descriptor. */
    public Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (Route route : camel.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            if (uri.startsWith(TASK_PREFIX)) {
                String topic = uri.substring(TASK_PREFIX.length());
                int query = topic.indexOf('?');
                served.add(query < 0 ? topic : topic.substring(0, query));
            }
        }
        plugins.forEach(plugin -> served.addAll(plugin.descriptor().topics()));
        return served;
    }

    /** Topic to the keys of the latest process versions that ask for it. */
    Map<String, Set<String>> wanted() {
        Map<String, Set<String>> wanted = new TreeMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            List<String> topics = new ArrayList<>();
            model.getModelElementsByType(ServiceTask.class).forEach(t -> topics.add(t.getCamundaTopic()));
            model.getModelElementsByType(SendTask.class).forEach(t -> topics.add(t.getCamundaTopic()));
            model.getModelElementsByType(BusinessRuleTask.class).forEach(t -> topics.add(t.getCamundaTopic()));
            model.getModelElementsByType(MessageEventDefinition.class).forEach(t -> topics.add(t.getCamundaTopic()));
            // A topic chosen at run time (notice.${noticeChannel}) is checked where it is chosen: only
            // channels whose topic is served are offered.
            topics.stream().filter(t -> t != null && !t.isBlank() && !t.contains("${"))
                    .forEach(t -> wanted.computeIfAbsent(t, k -> new TreeSet<>()).add(definition.getKey()));
        }
        return wanted;
    }
}
