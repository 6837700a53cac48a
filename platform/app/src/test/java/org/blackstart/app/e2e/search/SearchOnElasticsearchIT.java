package org.blackstart.app.e2e.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.app.e2e.Api;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/search} on the real Elasticsearch, through the real path: what people write goes to the tables,
 * the outbox, the relay and the index, and is found by its stems, by role, with facets, highlights and pages; with
 * Elasticsearch away the same question is answered from the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class SearchOnElasticsearchIT extends SearchPlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchOutbox outbox;

    private static final Duration INDEXED = Duration.ofSeconds(20);

    @Test
    void dutchAndGermanNoticesAreFoundByTheirStemsAndNotByOnCallEngineers() {
        // given a notice approved for the demo customers of mail, in Dutch ("storing") and German ("Störung") among others
        Api api = api();
        String key = api.declare("commander", "Mail delivery delayed");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV1",
                "affectedServices", "mail", "customerImpact", "Mail arrives late."));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "ApproveNotice"),
                Map.of("noticeApproval", "approve"));

        // when an agent searches the plural forms, which the texts do not contain
        JsonNode dutch = await().atMost(INDEXED).pollInterval(Duration.ofMillis(250))
                .until(() -> search(api, "agent", "q=storingen&type=notice"), r -> keys(r).contains(key));
        JsonNode german = await().atMost(INDEXED).pollInterval(Duration.ofMillis(250))
                .until(() -> search(api, "agent", "q=Störungen&type=notice"), r -> keys(r).contains(key));

        // then the Dutch and the German notice are found, with the matched word marked
        assertThat(dutch.path("engine").asText()).isEqualTo("elasticsearch");
        assertThat(hitsOf(dutch, key).toString()).contains("<mark>").containsIgnoringCase("storing");
        assertThat(hitsOf(german, key).toString()).contains("<mark>Störung</mark>");
        // and on-call engineers do not read what was written to customers
        assertThat(keys(search(api, "oncall-1", "q=storingen"))).doesNotContain(key);
        assertThat(search(api, "oncall-1", "q=storingen&type=notice").path("total").asLong()).isZero();
    }

    @Test
    void anAgentDoesNotFindACommandersOnlyNoteThatACommanderFinds() {
        // given
        Api api = api();
        String key = api.declare("commander", "Quota service flapping");
        note(api, "commander", key, "Zephyrquartz: the vendor's contract is under review", "commanders");
        note(api, "agent", key, "Zephyrquartz customers were told at noon", "all");

        // when
        JsonNode commander = await().atMost(INDEXED).pollInterval(Duration.ofMillis(250))
                .until(() -> search(api, "commander", "q=zephyrquartz"), r -> r.path("total").asLong() >= 2);
        JsonNode agent = search(api, "agent", "q=zephyrquartz");
        JsonNode onCall = search(api, "oncall-1", "q=zephyrquartz+contract");

        // then
        assertThat(commander.path("engine").asText()).isEqualTo("elasticsearch");
        assertThat(commander.path("hits").toString()).contains("contract");
        assertThat(agent.path("total").asLong()).isEqualTo(1);
        assertThat(agent.path("hits").toString()).contains("told at noon").doesNotContain("contract");
        assertThat(onCall.path("total").asLong()).isZero();
    }

    @Test
    void facetsHighlightsAndPagesAndTheDatabaseFindsTheSameWhenElasticsearchIsAway() {
        // given five notes with a rare word on a SEV3 incident of dns
        Api api = api();
        String key = api.declare("commander", "Resolver latency");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV3",
                "affectedServices", "dns", "customerImpact", "Some lookups are slow."));
        for (int i = 1; i <= 5; i++) {
            note(api, "agent", key, "Kestrelwing check " + i + ": <b>resolver</b> cache warm", "all");
        }
        JsonNode first = await().atMost(INDEXED).pollInterval(Duration.ofMillis(250))
                .until(() -> search(api, "agent", "q=kestrelwing&size=2"), r -> r.path("total").asLong() == 5);

        // when the agent pages through
        List<String> seen = new ArrayList<>();
        JsonNode page = first;
        int pages = 1;
        while (true) {
            page.path("hits").forEach(hit -> seen.add(hit.path("id").asText()));
            if (page.path("next").isNull()) {
                break;
            }
            page = search(api, "agent", "q=kestrelwing&size=2&after=" + page.path("next").asText());
            pages++;
        }

        // then
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(first.at("/facets/severity/SEV3").asLong()).isEqualTo(5);
        assertThat(first.at("/facets/service/dns").asLong()).isEqualTo(5);
        assertThat(first.at("/facets/type/timeline").asLong()).isEqualTo(5);
        assertThat(first.path("hits").get(0).path("highlights").get(0).asText())
                .contains("<mark>Kestrelwing</mark>").contains("&lt;b&gt;resolver&lt;&#x2F;b&gt;").doesNotContain("<b>");
        assertThat(first.path("hits").get(0).path("url").asText()).isEqualTo("/incidents/" + key);

        // and when Elasticsearch is away, the database answers the same question with the same documents
        JsonNode fromDatabase;
        ELASTICSEARCH.stop();
        try {
            fromDatabase = search(api, "agent", "q=kestrelwing&size=10");
        } finally {
            ELASTICSEARCH.start();
        }
        assertThat(fromDatabase.path("engine").asText()).isEqualTo("database");
        List<String> databaseIds = new ArrayList<>();
        fromDatabase.path("hits").forEach(hit -> databaseIds.add(hit.path("id").asText()));
        assertThat(databaseIds).containsExactlyInAnyOrderElementsOf(seen);
        assertThat(fromDatabase.at("/facets/severity/SEV3").asLong()).isEqualTo(5);
    }

    @Test
    void aNewIncidentSeesTheClosedIncidentItLooksLikeOnElasticsearch(CapturedOutput output) {
        // given a closed incident with a postmortem, indexed through the outbox
        String closed = "INC-2015-5001";
        jdbc.update("INSERT INTO bs_incident (incident_key, title, severity, status, affected_services, declared_by, "
                        + "declared_at, updated_at, closed_at, process_instance_id, kind) VALUES (?, 'Tapestry storage "
                        + "array failover', 'SEV1', 'closed', 'mail', 'commander', ?, ?, ?, 'seeded', 'incident')", closed,
                ts("2015-03-01T08:00:00Z"), ts("2015-03-01T12:00:00Z"), ts("2015-03-01T12:00:00Z"));
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, created_at, updated_at) VALUES (?, 'published', ?, ?)",
                closed, ts("2015-03-02T08:00:00Z"), ts("2015-03-02T08:00:00Z"));
        outbox.changed(DocType.INCIDENT, closed);
        Api api = api();
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(250)).until(() -> keys(search(api, "commander",
                "q=tapestry&type=incident")).contains(closed));

        // when a new incident like it is declared
        ResponseEntity<String> declared = api.send("commander", HttpMethod.POST, "/api/incidents",
                "{\"title\": \"Tapestry storage array failover again\", \"affectedServices\": \"mail\"}");
        String key = api.json(declared).path("key").asText();
        JsonNode seenBefore = api.incident("agent", key).path("seenBefore");

        // then Elasticsearch answered with the closed one and its postmortem
        assertThat(seenBefore.get(0).path("incidentKey").asText()).isEqualTo(closed);
        assertThat(seenBefore.get(0).path("postmortemUrl").asText()).isEqualTo("/incidents/" + closed + "/postmortem");
        assertThat(seenBefore.toString()).doesNotContain(key);
        assertThat(output.getAll()).doesNotContain("BLACKSTART-SEARCH-102");
    }

    private static java.sql.Timestamp ts(String instant) {
        return java.sql.Timestamp.from(java.time.Instant.parse(instant));
    }

    private static void note(Api api, String user, String key, String text, String visibility) {
        ResponseEntity<String> posted = api.send(user, HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"" + text + "\", \"visibility\": \"" + visibility + "\"}");
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(201);
    }

    private static JsonNode search(Api api, String user, String query) {
        ResponseEntity<String> response = api.send(user, HttpMethod.GET, "/api/search?" + query, null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return api.json(response);
    }

    private static List<String> keys(JsonNode result) {
        List<String> keys = new ArrayList<>();
        result.path("hits").forEach(hit -> keys.add(hit.path("incidentKey").asText()));
        return keys;
    }

    private static List<JsonNode> hitsOf(JsonNode result, String key) {
        List<JsonNode> hits = new ArrayList<>();
        result.path("hits").forEach(hit -> {
            if (key.equals(hit.path("incidentKey").asText())) {
                hits.add(hit);
            }
        });
        return hits;
    }
}
