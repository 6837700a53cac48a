package org.blackstart.app.e2e.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.blackstart.app.e2e.Api;
import org.blackstart.app.search.DocType;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A reindex rebuilds every index from the database while searches go on: not one search fails or finds less than
 * before, changes made meanwhile are in the new indices, and the aliases end on new indices holding every row.
 */
class SearchReindexIT extends SearchPlatformIT {

    private static final int STABLE_NOTES = 30;

    @Test
    void aReindexDuringSearchesLosesNoQueryAndNoChange() throws Exception {
        Api api = api();
        // given notes with a word of their own, indexed and found
        String key = api.declare("commander", "Reindex drill: session service failed to switch racks");
        String word = "failover" + Long.toString(System.nanoTime(), 36);
        for (int n = 0; n < STABLE_NOTES; n++) {
            assertThat(note(api, key, "Session " + word + " check " + n).getStatusCode().is2xxSuccessful()).isTrue();
        }
        SearchActivity.awaitDrained(http, Duration.ofSeconds(60));
        refresh();
        assertThat(hits(word)).isEqualTo(STABLE_NOTES);
        Set<String> before = concreteIndices();

        // and a reader that searches for that word all the time, across every type
        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (searching.get()) {
                try {
                    fewest.accumulateAndGet(hits(word), Math::min);
                    searches.incrementAndGet();
                } catch (RuntimeException failed) {
                    failures.add(failed.toString());
                }
            }
        }, "search-it-reader");
        reader.start();

        // when an admin reindexes while notes keep coming
        ResponseEntity<String> started = api.send("admin", HttpMethod.POST, "/api/admin/search/reindex", null);
        JsonNode status;
        List<String> meanwhile = new ArrayList<>();
        try {
            assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
            assertThat(api.json(started).path("status").asText()).isEqualTo("running");
            ResponseEntity<String> again = api.send("admin", HttpMethod.POST, "/api/admin/search/reindex", null);
            assertThat(again.getStatusCode().value()).as("a second one while it runs").isEqualTo(409);
            Instant until = Instant.now().plus(Duration.ofMinutes(3));
            int n = 0;
            do {
                String text = "Written during the reindex " + n++;
                meanwhile.add(text);
                assertThat(note(api, key, text).getStatusCode().is2xxSuccessful()).isTrue();
                Thread.sleep(100);
                status = api.json(api.send("admin", HttpMethod.GET, "/api/admin/search/reindex", null));
            } while ("running".equals(status.path("status").asText()) && Instant.now().isBefore(until));
            Thread.sleep(1500); // searches go on past the swap and the old indices' deletion
        } finally {
            searching.set(false);
            reader.join();
        }

        // then it finished, and no search failed or found fewer than before
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("finished");
        assertThat(status.path("types").path("timeline").path("failed").asLong()).isZero();
        assertThat(status.path("types").path("timeline").path("indexed").asLong()).isPositive();
        assertThat(failures).as("failed searches").isEmpty();
        assertThat(searches.get()).as("searches during the reindex").isGreaterThan(10);
        assertThat(fewest.get()).as("fewest hits of a search").isEqualTo(STABLE_NOTES);
        System.out.println("BLACKSTART-SEARCH-IT " + searches.get() + " searches during a reindex, " + meanwhile.size()
                + " notes written meanwhile: " + status);

        // and the aliases point at new indices, which hold every row and the notes written meanwhile
        Set<String> after = concreteIndices();
        assertThat(after).hasSize(DocType.values().length).doesNotContainAnyElementsOf(before);
        SearchActivity.awaitDrained(http, Duration.ofSeconds(60));
        refresh();
        for (DocType type : DocType.values()) {
            if (type == DocType.TIMELINE) {
                continue;
            }
            assertThat(indexedIds(type)).as("%s documents by id", type.code()).isEqualTo(rowIds(type));
        }
        Instant until = Instant.now().plusSeconds(30);
        while (!indexedIds(DocType.TIMELINE).equals(rowIds(DocType.TIMELINE)) && Instant.now().isBefore(until)) {
            SearchActivity.awaitDrained(http, Duration.ofSeconds(30)); // the engine's timers keep writing
            refresh(DocType.TIMELINE);
        }
        assertThat(indexedIds(DocType.TIMELINE)).isEqualTo(rowIds(DocType.TIMELINE));
        assertThat(indexedCount(DocType.TIMELINE)).isEqualTo(rowIds(DocType.TIMELINE).size());
        assertThat(hits("\"" + meanwhile.get(meanwhile.size() - 1) + "\"")).as("the last note written meanwhile")
                .isGreaterThanOrEqualTo(1);
    }

    private static ResponseEntity<String> note(Api api, String key, String text) {
        return api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes", "{\"text\":\"" + text + "\"}");
    }

    /** Hits of a query across every type's alias. */
    private long hits(String query) {
        try {
            return elasticsearch.search(s -> s.index(Arrays.stream(DocType.values()).map(SearchPlatformIT::alias).toList())
                    .size(0).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.queryString(qs -> qs.query(query).defaultField("text"))), Map.class)
                    .hits().total().value();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The concrete indices behind this context's aliases. */
    private Set<String> concreteIndices() throws java.io.IOException {
        Set<String> indices = new HashSet<>();
        for (DocType type : DocType.values()) {
            indices.addAll(elasticsearch.indices().getAlias(a -> a.name(alias(type))).aliases().keySet());
        }
        return indices;
    }
}
