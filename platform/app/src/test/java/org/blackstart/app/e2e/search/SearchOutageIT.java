package org.blackstart.app.e2e.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.e2e.Api;
import org.blackstart.app.search.DocType;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Elasticsearch stopped while incidents go on: nothing is lost. The outbox keeps every change (the health shows it
 * growing), and once Elasticsearch is back every row is indexed exactly once: per type, the documents' ids are the
 * rows' keys, no more and no fewer.
 */
class SearchOutageIT extends SearchPlatformIT {

    /** How long the incident activity runs with Elasticsearch down: long enough for hundreds of rows, bounded. */
    private static final Duration ACTIVITY = Duration.ofSeconds(45);

    @Test
    void everyRowIsIndexedExactlyOnceAfterElasticsearchWasDownDuringIncidents() throws Exception {
        Api api = api();
        // given everything written so far is indexed
        SearchActivity.awaitDrained(http, Duration.ofSeconds(90));
        Map<DocType, Integer> rowsBefore = rowCounts();
        List<Long> depthsWhileDown = new ArrayList<>();
        List<String> statusesWhileDown = new ArrayList<>();

        ELASTICSEARCH.stop();
        try {
            // when incidents are declared, triaged, noted, alerted on and a customer notice approved while it is down
            String first = api.declare("commander", "Outage drill: storage array degraded");
            String second = api.declare("commander", "Outage drill: webmail slow");
            assertThat(api.claimAndComplete("commander", api.awaitTask("commander", first, "Triage"), Map.of("severity",
                    "SEV1", "affectedServices", "mail", "customerImpact", "Mail is delayed.")).getStatusCode().value())
                    .isEqualTo(204);
            approveNotice(api, first);
            Instant end = Instant.now().plus(ACTIVITY);
            Instant nextHealth = Instant.now();
            int n = 0;
            while (Instant.now().isBefore(end)) {
                String key = n % 2 == 0 ? first : second;
                ResponseEntity<String> note = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                        "{\"text\":\"Outage drill note " + n + " on the array\"}");
                assertThat(note.getStatusCode().is2xxSuccessful()).as(note.getBody()).isTrue();
                if (n % 25 == 0) {
                    assertThat(SearchActivity.hostUnreachable(http, "rack-s" + (n / 100), "host-" + n).getStatusCode()
                            .is2xxSuccessful()).isTrue();
                }
                if (!Instant.now().isBefore(nextHealth)) {
                    JsonNode health = SearchActivity.searchHealth(http);
                    depthsWhileDown.add(health.path("outboxDepth").asLong());
                    statusesWhileDown.add(health.path("status").asText());
                    nextHealth = Instant.now().plusSeconds(5);
                }
                n++;
            }
        } finally {
            ELASTICSEARCH.start();
        }
        Map<DocType, Integer> written = new LinkedHashMap<>();
        rowCounts().forEach((type, count) -> written.put(type, count - rowsBefore.get(type)));
        System.out.println("BLACKSTART-SEARCH-IT rows written while Elasticsearch was down: " + written
                + ", outbox depths seen: " + depthsWhileDown);

        // then the outbox drains and every row of every type is indexed exactly once
        assertThat(written.values().stream().mapToInt(Integer::intValue).sum()).as("rows written while down")
                .isGreaterThanOrEqualTo(300);
        assertThat(written.get(DocType.NOTICE)).as("notice texts approved while down").isPositive();
        assertThat(written.get(DocType.ALERT)).as("alerts while down").isPositive();
        assertThat(depthsWhileDown).as("the health showed the changes waiting").isNotEmpty();
        assertThat(depthsWhileDown.get(depthsWhileDown.size() - 1)).isGreaterThan(depthsWhileDown.get(0));
        assertThat(statusesWhileDown).contains("degraded");
        awaitShardsStarted();
        SearchActivity.awaitDrained(http, Duration.ofSeconds(120));
        Instant until = Instant.now().plusSeconds(60);
        for (DocType type : DocType.values()) {
            while (true) {
                // rows keep coming from the engine's own timers: compare once the outbox has caught up with them
                SearchActivity.awaitDrained(http, Duration.ofSeconds(60));
                refresh(type);
                if (indexedIds(type).equals(rowIds(type)) || Instant.now().isAfter(until)) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(indexedIds(type)).as("%s documents by id", type.code()).isEqualTo(rowIds(type));
            assertThat(indexedCount(type)).as("%s _count", type.code()).isEqualTo(rowIds(type).size());
        }
    }

    private Map<DocType, Integer> rowCounts() {
        Map<DocType, Integer> counts = new LinkedHashMap<>();
        for (DocType type : DocType.values()) {
            counts.put(type, rowIds(type).size());
        }
        return counts;
    }

    private static void approveNotice(Api api, String key) {
        Map<String, Object> send = new LinkedHashMap<>();
        send.put("noticeDecision", "send");
        for (String channel : new String[] {"email", "sms", "x", "mastodon", "statuspage"}) {
            send.put("send_" + channel, channel.equals("email"));
        }
        assertThat(api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), send).getStatusCode().value())
                .isEqualTo(204);
        assertThat(api.claimAndComplete("commander", api.awaitTask("commander", key, "ApproveNotice"),
                Map.of("noticeApproval", "approve")).getStatusCode().value()).isEqualTo(204);
    }
}
