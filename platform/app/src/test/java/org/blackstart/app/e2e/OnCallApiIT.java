package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.blackstart.app.oncall.OnCallDirectory;
import org.blackstart.app.oncall.OnCallDirectory.Responder;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** /api/oncall and the directory the paging process asks, over the demo configuration and API edits. */
class OnCallApiIT extends PlatformIT {

    @Autowired
    OnCallDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuthorizationService authorizations;

    private ResponseEntity<String> get(String path) {
        return api().send("agent", HttpMethod.GET, path, null);
    }

    private ResponseEntity<String> put(String user, String path, String body) {
        return api().send(user, HttpMethod.PUT, path, body);
    }

    private ResponseEntity<String> delete(String path) {
        return api().send("commander", HttpMethod.DELETE, path, null);
    }

    private JsonNode assertProblem(ResponseEntity<String> response, int status, String detailContains) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        JsonNode problem = api().json(response);
        assertThat(problem.path("detail").asText()).contains(detailContains);
        return problem;
    }

    private long stored(String name) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_oncall_entry WHERE name = ?", Long.class, name);
        return count == null ? 0 : count;
    }

    private static String person(String name, String phone) {
        return "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}";
    }

    private static String dailySchedule(String... participants) {
        return "{\"timeZone\":\"Europe/Amsterdam\",\"layers\":[{\"name\":\"days\",\"type\":\"daily\",\"handoffTime\":\"09:00\","
                + "\"startDate\":\"2026-01-05\",\"participants\":[\"" + String.join("\",\"", participants) + "\"]}]}";
    }

    @Test
    void theDemoPolicyPagesPrimarySecondaryThenTheCommander() {
        Instant monday = Instant.parse("2026-03-30T07:00:00Z"); // 09:00 CEST, week 12 of ops-primary: oncall-1

        assertThat(directory.plan("datacenter-ops")).contains(new OnCallDirectory.EscalationPlan("datacenter-ops",
                java.util.List.of(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5)), 1, 2));
        assertThat(directory.respondersAt("datacenter-ops", 1, monday)).extracting(Responder::id).containsExactly("oncall-1");
        assertThat(directory.respondersAt("datacenter-ops", 2, monday)).extracting(Responder::id).containsExactly("oncall-2");
        assertThat(directory.respondersAt("datacenter-ops", 3, monday))
                .containsExactly(new Responder("commander", "Casey Commander", "+31205550100"));
        assertThat(directory.respondersAt("datacenter-ops", 1, monday.minusSeconds(1))).extracting(Responder::id)
                .containsExactly("oncall-2");
        assertThat(directory.plan("no-such-policy")).isEmpty();
    }

    @Test
    void onCallAtAnInstantNamesThePersonTheLayerAndTheShift() {
        JsonNode answer = api().json(get("/api/oncall/schedules/ops-primary/on-call?at=2026-03-30T07:00:00Z"));

        assertThat(answer.path("timeZone").asText()).isEqualTo("Europe/Amsterdam");
        JsonNode onCall = answer.path("onCall").get(0);
        assertThat(onCall.path("id").asText()).isEqualTo("oncall-1");
        assertThat(onCall.path("phone").asText()).isEqualTo("+31205550101");
        assertThat(onCall.path("via").asText()).isEqualTo("layer");
        assertThat(onCall.path("layer").asText()).isEqualTo("weekly");
        assertThat(Instant.parse(onCall.path("from").asText())).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(Instant.parse(onCall.path("until").asText())).isEqualTo(Instant.parse("2026-04-06T07:00:00Z"));
        assertThat(answer.path("onCall")).hasSize(1);
    }

    @Test
    void policyLevelsResolveToPeopleAtAnInstant() {
        JsonNode levels = api().json(get("/api/oncall/policies/datacenter-ops/levels?at=2026-03-30T07:00:00Z"));

        assertThat(levels.path("repeat").asInt()).isEqualTo(1);
        assertThat(levels.path("callAttempts").asInt()).isEqualTo(2);
        assertThat(levels.path("levels")).hasSize(3);
        assertThat(levels.path("levels").get(1).path("responders").get(0).path("id").asText()).isEqualTo("oncall-2");
        assertThat(levels.path("levels").get(2).path("responders").get(0).path("id").asText()).isEqualTo("commander");
    }

    @Test
    void configurationEntriesAreListedAndReadOnly() {
        JsonNode people = api().json(get("/api/oncall/people"));
        assertThat(people.findValuesAsText("id")).contains("oncall-1", "oncall-2", "commander");
        assertThat(people.findValuesAsText("name")).contains("Olivia On-call", "Oscar On-call", "Casey Commander");
        JsonNode schedule = api().json(get("/api/oncall/schedules/ops-primary"));
        assertThat(schedule.path("source").asText()).isEqualTo("configuration");
        assertThat(schedule.path("configuredAt").asText()).isEqualTo("blackstart.demo.oncall.schedules.ops-primary");

        assertProblem(put("commander", "/api/oncall/people/oncall-1", person("Changed", "+31205550199")), 409,
                "person 'oncall-1' is managed in configuration (blackstart.demo.oncall.people.oncall-1)");
        assertProblem(delete("/api/oncall/schedules/ops-primary"), 409, "managed in configuration");
        assertProblem(delete("/api/oncall/policies/datacenter-ops"), 409, "managed in configuration");
        assertThat(directory.person("oncall-1").orElseThrow().name()).isEqualTo("Olivia On-call");
    }

    @Test
    void createReadUpdateAndDeleteThroughTheApi() {
        ResponseEntity<String> created = put("commander", "/api/oncall/people/crud-ann", person("Ann Crud", "+31205550301"));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/oncall/people/crud-ann");
        assertThat(api().json(get("/api/oncall/people/crud-ann")).path("source").asText()).isEqualTo("api");

        ResponseEntity<String> replaced = put("admin", "/api/oncall/people/crud-ann", person("Ann Crud", "+31205550302"));
        assertThat(replaced.getStatusCode().value()).isEqualTo(200);
        // this node sees its own edit at once, also through the directory the paging process uses
        assertThat(directory.person("crud-ann").orElseThrow().phone()).isEqualTo("+31205550302");

        assertThat(put("commander", "/api/oncall/schedules/crud-days", dailySchedule("crud-ann", "oncall-2"))
                .getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> policy = put("commander", "/api/oncall/policies/crud-policy",
                "{\"levels\":[{\"targets\":[\"schedule:crud-days\",\"person:commander\"],\"timeout\":\"2m\"},"
                        + "{\"targets\":[\"person:oncall-1\"],\"timeout\":\"PT10M\"}]}");
        assertThat(policy.getStatusCode().value()).as(policy.getBody()).isEqualTo(201);
        assertThat(api().json(policy).path("callAttempts").asInt()).isEqualTo(1);
        assertThat(directory.plan("crud-policy").orElseThrow().levelTimeouts())
                .containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(10));
        // 2026-01-05 10:00 CET: first day of crud-days, crud-ann's
        assertThat(directory.respondersAt("crud-policy", 1, Instant.parse("2026-01-05T09:00:00Z")))
                .extracting(Responder::id).containsExactly("crud-ann", "commander");
        assertThat(stored("crud-ann") + stored("crud-days") + stored("crud-policy")).as("in the database").isEqualTo(3);

        ResponseEntity<String> read = get("/api/oncall/schedules/crud-days");
        assertThat(api().json(read).path("layers").get(0).path("participants").get(1).asText()).isEqualTo("oncall-2");
        ResponseEntity<String> roundTrip = put("commander", "/api/oncall/schedules/crud-days", read.getBody());
        assertThat(roundTrip.getStatusCode().value()).as(roundTrip.getBody()).isEqualTo(200);

        assertProblem(delete("/api/oncall/people/crud-ann"), 409,
                "person 'crud-ann' is still referenced by schedule 'crud-days' (layers[0].participants[0])");
        assertProblem(delete("/api/oncall/schedules/crud-days"), 409, "policy 'crud-policy' (levels[0].targets[0])");

        assertThat(delete("/api/oncall/policies/crud-policy").getStatusCode().value()).isEqualTo(204);
        assertThat(delete("/api/oncall/schedules/crud-days").getStatusCode().value()).isEqualTo(204);
        assertThat(delete("/api/oncall/people/crud-ann").getStatusCode().value()).isEqualTo(204);
        assertProblem(get("/api/oncall/people/crud-ann"), 404, "no person 'crud-ann'");
        assertThat(directory.person("crud-ann")).isEmpty();
        assertThat(stored("crud-ann") + stored("crud-days") + stored("crud-policy")).isZero();
    }

    @Test
    void anOverrideCreatedThroughTheApiTakesEffectAtOnce() {
        put("commander", "/api/oncall/schedules/override-days", dailySchedule("oncall-1"));
        put("commander", "/api/oncall/policies/override-policy",
                "{\"levels\":[{\"targets\":[\"schedule:override-days\"],\"timeout\":\"5m\"}]}");
        Instant at = Instant.parse("2026-06-01T12:00:00Z");
        assertThat(directory.respondersAt("override-policy", 1, at)).extracting(Responder::id).containsExactly("oncall-1");

        String withOverride = dailySchedule("oncall-1").replace("]}]}", "]}],\"overrides\":[{\"person\":\"oncall-2\","
                + "\"from\":\"2026-06-01T00:00:00Z\",\"to\":\"2026-06-02T00:00:00Z\"}]}");
        assertThat(put("commander", "/api/oncall/schedules/override-days", withOverride).getStatusCode().value()).isEqualTo(200);

        assertThat(directory.respondersAt("override-policy", 1, at)).extracting(Responder::id).containsExactly("oncall-2");
        JsonNode onCall = api().json(get("/api/oncall/schedules/override-days/on-call?at=2026-06-01T12:00:00Z"));
        assertThat(onCall.path("onCall").get(0).path("via").asText()).isEqualTo("override");
        assertThat(onCall.path("layers").get(0).path("person").asText()).isEqualTo("oncall-1");
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        JsonNode phone = assertProblem(put("commander", "/api/oncall/people/bad-phone", person("Bad", "020 555 0101")), 400,
                "phone must be an E.164 number");
        assertThat(phone.path("errors").get(0).path("field").asText()).isEqualTo("phone");
        assertThat(stored("bad-phone")).isZero();

        assertProblem(put("commander", "/api/oncall/policies/bad-policy",
                "{\"levels\":[{\"targets\":[\"schedule:no-such\"],\"timeout\":\"5m\"}]}"), 400,
                "levels[0].targets[0] no schedule named 'no-such'");
        assertProblem(put("commander", "/api/oncall/policies/bad-policy",
                "{\"levels\":[{\"targets\":[\"person:oncall-1\"],\"timeout\":\"10s\"}],\"repeat\":12}"), 400,
                "levels[0].timeout must be at least 1m");
        assertProblem(put("commander", "/api/oncall/schedules/bad-zone",
                dailySchedule("oncall-1").replace("Europe/Amsterdam", "Europe/Atlantis")), 400, "timeZone");
        assertProblem(put("commander", "/api/oncall/schedules/bad-layer", dailySchedule()), 400,
                "layers[0].participants[0] no person with id ''");
        assertProblem(put("commander", "/api/oncall/schedules/Ops_Primary", dailySchedule("oncall-1")), 400, "name 'Ops_Primary' is not a name");
        assertProblem(put("commander", "/api/oncall/people/bad-field", "{\"name\":\"X\",\"phone\":\"+31205550101\",\"fone\":1}"),
                400, "unknown field 'fone'");
        assertProblem(get("/api/oncall/schedules/ops-primary/on-call?at=yesterday"), 400, "at");
        assertThat(stored("bad-policy") + stored("bad-zone") + stored("bad-layer") + stored("bad-field")).isZero();

        // a rejected replacement keeps what was there
        put("commander", "/api/oncall/people/keep-me", person("Keep", "+31205550401"));
        assertProblem(put("commander", "/api/oncall/people/keep-me", person("", "+31205550402")), 400, "name is required");
        assertThat(directory.person("keep-me").orElseThrow().phone()).isEqualTo("+31205550401");
    }

    @Test
    void theDemoOnCallPeopleAreCamundaUsersWhoMayOpenTasklistAndItsTaskList() {
        assertThat(api().send("oncall-1", HttpMethod.GET, "/api/oncall/people/oncall-1", null).getStatusCode().value()).isEqualTo(200);
        assertThat(api().send("oncall-2", HttpMethod.GET, "/api/oncall/policies", null).getStatusCode().value()).isEqualTo(200);
        // As Tasklist checks it: with the user's groups, to open Tasklist and to see its task list.
        assertThat(authorizations.isUserAuthorized("oncall-1", java.util.List.of("on-call"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("oncall-1", java.util.List.of("on-call"), Permissions.READ,
                Resources.FILTER, "*")).isTrue();
        assertProblem(put("oncall-1", "/api/oncall/people/oncall-1", person("Me", "+31205550101")), 403, "PUT");
    }

    @Test
    void everyoneReadsOnlyCommandersAndAdminsWrite() {
        assertThat(get("/api/oncall/policies").getStatusCode().value()).isEqualTo(200);
        assertProblem(put("agent", "/api/oncall/people/agent-made", person("A", "+31205550501")), 403, "PUT /api/oncall/people/agent-made");
        assertProblem(api().send("agent", HttpMethod.DELETE, "/api/oncall/people/oncall-1", null), 403, "DELETE");
        assertProblem(api().send(null, HttpMethod.GET, "/api/oncall/people", null), 401, "HTTP Basic");
        assertThat(stored("agent-made")).isZero();
    }
}
