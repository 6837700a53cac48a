package org.blackstart.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.app.e2e.Api;
import org.blackstart.app.e2e.PlatformIT;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** The Tasklist filters every group opens: what they select, how they sort, that they refresh. */
class TasklistFiltersIT extends PlatformIT {

    private static final String MOST_URGENT_FIRST =
            "[{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"},{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]";

    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;

    @Test
    void everyGroupHasItsFiltersMostUrgentFirstAndRefreshing() {
        Api api = api();
        for (String user : List.of("commander", "agent", "oncall-1")) {
            // when each group's user asks the engine for their filters, as Tasklist does
            JsonNode listed = api.json(api.send(user, HttpMethod.GET, "/engine-rest/filter?resourceType=Task", null));

            // then
            List<String> names = new ArrayList<>();
            listed.forEach(filter -> names.add(filter.path("name").asText()));
            assertThat(names).as(user).contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP, TasklistFilters.ALL_TASKS);
            if (!user.startsWith("oncall")) {
                assertThat(names).as(user).contains(TasklistFilters.URGENT);
            }
            listed.forEach(filter -> {
                assertThat(filter.path("properties").path("refresh").asBoolean()).as(filter.toString()).isTrue();
                assertThat(filter.path("query").path("sorting").toString()).as(filter.toString()).isEqualTo(MOST_URGENT_FIRST);
            });
        }
        JsonNode commanders = api.json(api.send("commander", HttpMethod.GET, "/engine-rest/filter?resourceType=Task", null));
        assertThat(named(commanders, TasklistFilters.URGENT).path("query").path("minPriority").asInt()).isEqualTo(TaskPriorities.SEV2);
        assertThat(named(commanders, TasklistFilters.URGENT).path("properties").path("priority").asInt())
                .as("Tasklist opens the lowest first").isLessThan(named(commanders, TasklistFilters.ALL_TASKS)
                        .path("properties").path("priority").asInt());
        assertThat(named(commanders, TasklistFilters.MY_TASKS).path("query").path("assigneeExpression").asText())
                .isEqualTo("${currentUser()}");
        assertThat(named(commanders, TasklistFilters.MY_GROUP).path("query").path("candidateGroupsExpression").asText())
                .isEqualTo("${currentUserGroups()}");
    }

    @Test
    void aFilterListsSev1BeforeSev3EvenWhenTasklistSortsByCreation() {
        // given a SEV1 incident declared before a SEV3 one
        Api api = api();
        String sev1 = declare(api, "Power lost in rack B4", "SEV1");
        String sev3 = declare(api, "Slow webmail search", "SEV3");
        String sev1Triage = api.awaitTask("commander", sev1, "Triage").path("id").asText();
        String sev3Triage = api.awaitTask("commander", sev3, "Triage").path("id").asText();
        String all = filters.createTaskFilterQuery().filterName(TasklistFilters.ALL_TASKS).singleResult().getId();

        // when the commander's Tasklist lists the filter with its own default sorting, newest first
        JsonNode listed = api.json(api.send("commander", HttpMethod.POST, "/engine-rest/filter/" + all
                + "/list?firstResult=0&maxResults=10000", "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"));

        // then the SEV1 task comes first, and the list is by priority throughout
        List<String> ids = new ArrayList<>();
        List<Integer> priorities = new ArrayList<>();
        listed.forEach(task -> {
            ids.add(task.path("id").asText());
            priorities.add(task.path("priority").asInt());
        });
        assertThat(ids).contains(sev1Triage, sev3Triage);
        assertThat(ids.indexOf(sev1Triage)).isLessThan(ids.indexOf(sev3Triage));
        assertThat(priorities).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void aStartUpdatesTheFiltersAnEarlierStartLeftWithoutDuplicatingThem() {
        // given the plain "All tasks" filter an earlier version had Camunda create, and a person's edit of another
        Filter all = filters.createTaskFilterQuery().filterName(TasklistFilters.ALL_TASKS).singleResult();
        all.setQuery(tasks.createTaskQuery());
        all.setProperties(Map.of());
        filters.saveFilter(all);
        Filter urgent = filters.createTaskFilterQuery().filterName(TasklistFilters.URGENT).singleResult();
        urgent.setProperties(Map.of("refresh", false));
        filters.saveFilter(urgent);

        // when the application starts again
        tasklistFilters.ensureFilters();

        // then there is still one of each, the same filter, sorting and refreshing again
        for (String name : List.of(TasklistFilters.URGENT, TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP,
                TasklistFilters.ALL_TASKS)) {
            assertThat(filters.createTaskFilterQuery().filterName(name).count()).as(name).isOne();
        }
        Filter allNow = filters.getFilter(all.getId());
        assertThat(allNow.getProperties()).containsEntry("refresh", true);
        assertThat(filters.getFilter(urgent.getId()).getProperties()).containsEntry("refresh", true);
        JsonNode listed = api().json(api().send("commander", HttpMethod.GET, "/engine-rest/filter/" + all.getId(), null));
        assertThat(listed.path("query").path("sorting").toString()).isEqualTo(MOST_URGENT_FIRST);
    }

    private static JsonNode named(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (filter.path("name").asText().equals(name)) {
                return filter;
            }
        }
        throw new AssertionError("no filter " + name + " in " + filters);
    }

    private static String declare(Api api, String title, String severity) {
        JsonNode created = api.json(api.send("commander", HttpMethod.POST, "/api/incidents",
                "{\"title\":\"" + title + "\",\"severity\":\"" + severity + "\"}"));
        return created.path("key").asText();
    }
}
