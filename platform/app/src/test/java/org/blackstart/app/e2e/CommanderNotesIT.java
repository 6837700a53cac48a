package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notes for commanders only: written by commanders and admins, read by them alone, in the incident API (which the
 * incident pages and the Tasklist incident tab show), in search and in pins.
 */
class CommanderNotesIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommandersOnlyNoteIsTheCommandersAlone() {
        // given
        Api api = api();
        String key = api.declare("commander", "Mailbox quota storm");

        // when
        ResponseEntity<String> posted = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"Hostly's contract ends in May; do not mention it\", \"visibility\": \"commanders\"}");
        ResponseEntity<String> open = api.send("agent", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"Customers report bounced mail\"}");

        // then
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(201);
        assertThat(api.json(posted).path("visibility").asText()).isEqualTo("commanders");
        assertThat(api.json(open).path("visibility").asText()).isEqualTo("all");
        assertThat(notes(api.incident("commander", key))).containsExactlyInAnyOrder(
                "Hostly's contract ends in May; do not mention it", "Customers report bounced mail");
        assertThat(notes(api.incident("admin", key))).contains("Hostly's contract ends in May; do not mention it");
        assertThat(notes(api.incident("agent", key))).containsExactly("Customers report bounced mail");
        assertThat(api.json(api.send("oncall-1", HttpMethod.GET, "/api/incidents/" + key + "?deliveries=false", null))
                .path("timeline").toString()).doesNotContain("contract");
        assertThat(api.json(api.send("agent", HttpMethod.GET, "/api/search?q=contract+May", null)).path("hits").toString())
                .doesNotContain(key);
        assertThat(api.json(api.send("commander", HttpMethod.GET, "/api/search?q=contract+May+Hostly", null))
                .path("hits").toString()).contains(key);
    }

    @Test
    void anAgentMayNotWriteNorPinACommandersOnlyNoteAndNothingChanges() {
        // given
        Api api = api();
        String key = api.declare("commander", "Webmail login loop");
        long secret = api.json(api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"Suspect the new load balancer\", \"visibility\": \"commanders\"}")).path("id").asLong();
        Integer rowsBefore = rows(key);
        JsonNode before = api.incident("commander", key);

        // when
        ResponseEntity<String> write = api.send("agent", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"Agents' secret\", \"visibility\": \"commanders\"}");
        ResponseEntity<String> onCall = api.send("oncall-1", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"On-call secret\", \"visibility\": \"commanders\"}");
        ResponseEntity<String> unknown = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\": \"Who knows\", \"visibility\": \"friends\"}");
        ResponseEntity<String> pin = api.send("agent", HttpMethod.PUT, "/api/incidents/" + key + "/timeline/" + secret
                + "/pin", null);

        // then
        assertThat(write.getStatusCode().value()).as(write.getBody()).isEqualTo(403);
        assertThat(api.json(write).path("detail").asText()).contains("commanders");
        assertThat(onCall.getStatusCode().value()).isEqualTo(403);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(pin.getStatusCode().value()).as(pin.getBody()).isEqualTo(404);
        assertThat(pin.getBody()).doesNotContain("load balancer");
        assertThat(rows(key)).isEqualTo(rowsBefore);
        assertThat(notes(api.incident("commander", key))).isEqualTo(notes(before));
    }

    private Integer rows(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bs_timeline WHERE incident_key = ? AND kind = 'NOTE'",
                Integer.class, key);
    }

    private static List<String> notes(JsonNode details) {
        List<String> notes = new ArrayList<>();
        details.path("timeline").forEach(line -> {
            if ("NOTE".equals(line.path("kind").asText())) {
                notes.add(line.path("detail").asText());
            }
        });
        return notes;
    }
}
