package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default has no Elasticsearch: nothing is written to the outbox, there is nothing to rebuild, and the
 * health says the database serves search.
 */
class SearchWithoutElasticsearchIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReindexIsRefusedWithAReasonAndTheOutboxStaysEmpty() {
        Api api = api();
        // given an incident with a note
        String key = api.declare("commander", "Search without Elasticsearch");
        api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes", "{\"text\":\"no cluster here\"}");

        // when an admin asks for a reindex
        ResponseEntity<String> refused = api.send("admin", HttpMethod.POST, "/api/admin/search/reindex", null);

        // then it is refused, saying why, and no outbox row was ever written
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        assertThat(api.json(refused).path("detail").asText())
                .isEqualTo("search runs on the database; there is nothing to rebuild");
        assertThat(api.send("admin", HttpMethod.GET, "/api/admin/search/reindex", null).getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_search_outbox", Integer.class)).isZero();
    }

    @Test
    void theHealthSaysTheDatabaseServesSearch() {
        // when
        ResponseEntity<String> health = api().send("admin", HttpMethod.GET, "/actuator/health", null);

        // then
        JsonNode search = api().json(health).path("components").path("search");
        assertThat(search.path("status").asText()).as(health.getBody()).isEqualTo("UP");
        assertThat(search.path("details").path("engine").asText()).isEqualTo("database");
    }
}
