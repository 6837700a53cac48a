package org.blackstart.app.e2e.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.blackstart.app.search.DocType;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** A note is found within two seconds of being written: outbox, relay and the index's refresh together. */
class SearchIndexingIT extends SearchPlatformIT {

    @Test
    void aTimelineNoteIsSearchableWithinTwoSeconds() throws Exception {
        // given an incident whose declaration has been indexed
        String key = api().declare("commander", "Rack C lost one power feed");
        SearchActivity.awaitDrained(http, Duration.ofSeconds(60));
        String word = "generator" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        // when a commander writes a note
        ResponseEntity<String> note = api().send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\":\"Switched rack C to the " + word + " feed\"}");
        long written = System.nanoTime();
        assertThat(note.getStatusCode().is2xxSuccessful()).as(note.getBody()).isTrue();

        // then a search for its word finds it, with its incident's title, within two seconds
        SearchResponse<Map> found = null;
        while (System.nanoTime() - written < Duration.ofSeconds(5).toNanos()) {
            found = search(word);
            if (found.hits().hits().size() == 1) {
                break;
            }
            Thread.sleep(25);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - written);
        assertThat(found.hits().hits()).as("found within 5 s").hasSize(1);
        assertThat(elapsed).as("searchable after").isLessThan(Duration.ofSeconds(2));
        Map<?, ?> doc = found.hits().hits().get(0).source();
        assertThat(doc.get("incidentKey")).isEqualTo(key);
        assertThat(doc.get("title")).isEqualTo("Rack C lost one power feed");
        assertThat(doc.get("audience")).isEqualTo("on-call");
        System.out.println("BLACKSTART-SEARCH-IT a note was searchable after " + elapsed.toMillis() + " ms");
    }

    @Test
    void theHealthAndMetricsShowTheOutboxAndTheReindexIsForAdminsOnly() throws Exception {
        // given an incident declared and indexed
        api().declare("commander", "Metrics drill: one incident indexed");
        SearchActivity.awaitDrained(http, Duration.ofSeconds(60));

        // when
        ResponseEntity<String> health = api().send("admin", HttpMethod.GET, "/actuator/health", null);

        // then
        JsonNode search = api().json(health).path("components").path("search");
        assertThat(search.path("status").asText()).as(health.getBody()).isEqualTo("UP");
        assertThat(search.path("details").path("engine").asText()).isEqualTo("elasticsearch");
        assertThat(search.path("details").has("outboxDepth")).isTrue();
        assertThat(search.path("details").has("oldestWaitingSeconds")).isTrue();
        assertThat(api().send("commander", HttpMethod.POST, "/api/admin/search/reindex", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(metric("blackstart.search.indexed?tag=type:incident")).as("incidents indexed").isGreaterThanOrEqualTo(1);
        assertThat(metric("blackstart.search.outbox.depth")).as("depth once drained").isGreaterThanOrEqualTo(0);
        assertThat(metric("blackstart.search.indexing.lag")).as("lag in seconds").isGreaterThanOrEqualTo(0);
    }

    private double metric(String nameAndTags) {
        ResponseEntity<String> metric = api().send("admin", HttpMethod.GET, "/actuator/metrics/" + nameAndTags, null);
        assertThat(metric.getStatusCode().value()).as(nameAndTags + ": " + metric.getBody()).isEqualTo(200);
        return api().json(metric).path("measurements").path(0).path("value").asDouble();
    }

    @SuppressWarnings("rawtypes")
    private SearchResponse<Map> search(String word) throws IOException {
        return elasticsearch.search(s -> s.index(alias(DocType.TIMELINE)).query(q -> q.match(m -> m.field("text").query(word))),
                Map.class);
    }
}
