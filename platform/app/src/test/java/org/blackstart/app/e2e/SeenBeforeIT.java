package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Seen before?" from the database (the shared context has no Elasticsearch): a new incident lists the closed
 * incidents like it, with their postmortems, in its API and in its triage form; cancelled and test incidents, and
 * unlike ones, are not listed. Incidents seeded in 2017, removed afterwards.
 */
class SeenBeforeIT extends PlatformIT {

    private static final String SEEDED = "INC-2017-7%";

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        removeSeeded();
        incident("INC-2017-7001", "Storage array failover at StoreCo", "mail, webmail", "closed", "incident");
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, created_at, updated_at) VALUES (?, 'published', ?, ?)",
                "INC-2017-7001", ts("2017-06-02T10:00:00Z"), ts("2017-06-02T10:00:00Z"));
        incident("INC-2017-7002", "Printer out of toner", "print", "closed", "incident");
        incident("INC-2017-7003", "Storage array failover drill", "mail", "cancelled", "incident");
        incident("INC-2017-7004", "Storage array failover exercise", "mail", "closed", "test");
    }

    @AfterEach
    void removeSeeded() {
        jdbc.update("DELETE FROM bs_postmortem WHERE incident_key LIKE ?", SEEDED);
        jdbc.update("DELETE FROM bs_incident WHERE incident_key LIKE ?", SEEDED);
    }

    @Test
    void aNewIncidentListsTheClosedIncidentsLikeItInItsApiAndItsTriageForm() {
        // when
        Api api = api();
        ResponseEntity<String> declared = api.send("commander", HttpMethod.POST, "/api/incidents",
                "{\"title\": \"Storage array failover once more\", \"severity\": \"SEV1\", \"affectedServices\": \"mail\"}");
        assertThat(declared.getStatusCode().value()).as(declared.getBody()).isEqualTo(201);
        String key = api.json(declared).path("key").asText();
        JsonNode seenBefore = api.incident("agent", key).path("seenBefore");

        // then
        assertThat(keys(seenBefore)).startsWith("INC-2017-7001")
                .doesNotContain("INC-2017-7002", "INC-2017-7003", "INC-2017-7004", key).hasSizeLessThanOrEqualTo(5);
        JsonNode first = seenBefore.get(0);
        assertThat(first.path("title").asText()).isEqualTo("Storage array failover at StoreCo");
        assertThat(first.path("severity").asText()).isEqualTo("SEV1");
        assertThat(first.path("closedAt").asText()).startsWith("2017-06-01");
        assertThat(first.path("postmortemUrl").asText()).isEqualTo("/incidents/INC-2017-7001/postmortem");
        assertThat(first.path("score").asDouble()).isPositive();

        // and the triage form shows it, and still completes with its own fields only
        JsonNode triage = api.awaitTask("commander", key, "Triage");
        JsonNode variables = api.json(api.send("commander", HttpMethod.GET,
                api.engine("/task/" + triage.path("id").asText() + "/form-variables"), null));
        assertThat(variables.path("seenBefore").path("value").asText())
                .startsWith("INC-2017-7001 Storage array failover at StoreCo (SEV1, closed 2017-06-01) — postmortem: "
                        + "/incidents/INC-2017-7001/postmortem");
        ResponseEntity<String> sneaked = api.claimAndComplete("commander", triage, Map.of("severity", "SEV1",
                "affectedServices", "mail", "customerImpact", "Mail is slow", "seenBefore", "nothing"));
        assertThat(sneaked.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> completed = api.complete("commander", triage.path("id").asText(), Map.of("severity", "SEV1",
                "affectedServices", "mail", "customerImpact", "Mail is slow"));
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
    }

    private static List<String> keys(JsonNode similar) {
        List<String> keys = new ArrayList<>();
        similar.forEach(s -> keys.add(s.path("incidentKey").asText()));
        return keys;
    }

    private void incident(String key, String title, String services, String status, String kind) {
        jdbc.update("INSERT INTO bs_incident (incident_key, title, severity, status, affected_services, declared_by, "
                        + "declared_at, updated_at, closed_at, process_instance_id, kind) "
                        + "VALUES (?, ?, 'SEV1', ?, ?, 'commander', ?, ?, ?, 'seeded', ?)",
                key, title, status, services, ts("2017-06-01T08:00:00Z"), ts("2017-06-01T12:00:00Z"),
                ts("2017-06-01T12:00:00Z"), kind);
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
