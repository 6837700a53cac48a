package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

class PluginsApiIT extends PlatformIT {

    @Autowired
    RepositoryService repository;

    @Test
    void listsThePluginsWithTheirTopicsAndHealth() {
        JsonNode body = api().json(api().send("agent", HttpMethod.GET, "/api/plugins", null));

        List<String> slugs = new ArrayList<>();
        body.path("plugins").forEach(p -> slugs.add(p.path("descriptor").path("slug").asText()));
        assertThat(slugs).contains("email", "platform", "demo-pager", "alertmanager", "grafana", "events");
        JsonNode email = find(body, "email");
        assertThat(email.path("descriptor").path("topics").toString()).contains("notice.email");
        assertThat(email.path("descriptor").path("dependsOn").toString()).contains("own mail servers");
        assertThat(email.path("health").path("status").asText()).as("the demo mail sink is up").isEqualTo("UP");
        assertThat(body.path("unservedTopics")).as("the shipped processes are fully served").isEmpty();
    }

    @Test
    void namesATopicNobodyServesAndTheProcessesThatWaitForIt() {
        String deployment = repository.createDeployment().addModelInstance("social.bpmn",
                Bpmn.createExecutableProcess("social-only").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask().camundaExternalTask("notice.social").endEvent().done()).deploy().getId();
        try {
            JsonNode body = api().json(api().send("admin", HttpMethod.GET, "/api/plugins", null));

            assertThat(body.path("unservedTopics")).hasSize(1);
            assertThat(body.path("unservedTopics").get(0).path("topic").asText()).isEqualTo("notice.social");
            assertThat(body.path("unservedTopics").get(0).path("processes").toString()).contains("social-only");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private static JsonNode find(JsonNode body, String slug) {
        for (JsonNode plugin : body.path("plugins")) {
            if (slug.equals(plugin.path("descriptor").path("slug").asText())) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + slug + " in " + body);
    }
}
